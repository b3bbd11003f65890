// A reopened engine readies its reading connection (the on-demand one, service.ts) for the INBOX
// only once the work connection has brought the INBOX level: selected beside the resync, the
// server opened the folder another device had changed for both sessions at once, and the
// resync's FETCH of the new mail waited for the other session's EXAMINE (bench figure c2:
// 0.3-0.7 s of a 50,000-message INBOX). Through the recording proxy, whose SELECT of the INBOX
// takes a while, as a large one does.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { allHeaders, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { cleanupAfterEach } from '../support/cleanup';
import { plainMessage } from '../support/plain-message';
import { syncedThroughFilterProxy } from '../support/synced-through-filter-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

describe('reopen', () => {
  it('selects the INBOX for reading after its resync, not beside it', async () => {
    const user = await createMailUser(server, 'reopen-reading');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const subject of ['one', 'two', 'three']) await other.append('INBOX', plainMessage(subject));

    const {
      proxy,
      core: first,
      inbox,
    } = await syncedThroughFilterProxy(server, cleanup, user, 3, {
      // long enough for another connection to log in meanwhile
      slow: { command: /^SELECT "?INBOX"?(\s|$)/i, ms: 1_000 },
    });
    await first.service.settled();
    await first.service.close();

    // meanwhile, elsewhere: a flag changed and new mail
    await other.mailboxOpen('INBOX');
    await other.messageFlagsAdd('1', ['\\Flagged'], { uid: true });
    await other.append('INBOX', plainMessage('four'));
    proxy.clearLog();

    const second = await startCore(server, { dataDir: first.dataDir });
    cleanup.push(() => second.close());
    await waitFor(async () => (await allHeaders(second, inbox.id)).length === 4, { what: 'the resync' });
    await second.service.settled();
    const lines = await waitFor(
      () => {
        const all = proxy.commands.map(({ line }) => line);
        return all.some((line) => /^EXAMINE "?INBOX"?(\s|$)/i.test(line)) ? all : null;
      },
      { what: 'the INBOX readied for reading' },
    );
    const newMail = lines.findIndex((line) => /^UID FETCH 4(:4)? /i.test(line));
    expect(newMail, 'the resync fetched the new mail').toBeGreaterThanOrEqual(0);
    // Before: the reading connection's EXAMINE went out while the resync's SELECT was answered.
    expect(lines.findIndex((line) => /^EXAMINE "?INBOX"?(\s|$)/i.test(line))).toBeGreaterThan(newMail);
    const [flagged] = (await allHeaders(second, inbox.id)).filter((h) => h.flags.flagged);
    expect(flagged?.subject).toBe('one');
  });
});
