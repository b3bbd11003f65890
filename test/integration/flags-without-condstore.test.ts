// Without CONDSTORE the server cannot say which flags changed. Each sync compares the flags of
// the newest messages only; the whole mailbox is compared on (re)connect and then rarely. The
// proxy counts what the server sent, so the test measures the bytes, not just the commands.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import { RECENT_FLAGS } from '../../electron/core/imap/sync/flag-changes';
import { allHeaders, mailboxByRole, otherDevice } from '../support/core-harness';
import { startFilteredAccount } from '../support/filtered-server';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

// As in the report that found it: 2,000 messages, about 75 KB of flags for the whole folder.
const COUNT = 2_000;

describe('flag refresh without CONDSTORE', () => {
  it('compares the newest messages after each action and notice, not the whole mailbox', async () => {
    const user = await createMailUser(server, 'nocondstore');
    await populateMailbox(server, user, { count: COUNT, seed: 11 });
    const run = await startFilteredAccount(server, user, { hide: ['CONDSTORE'] });
    cleanup.push(() => run.close());
    const { core, account, proxy } = run;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await core.service.call('mailboxes.open', { mailboxId: inbox.id });
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === COUNT, {
      what: `${COUNT} headers`,
      timeoutMs: 30_000,
    });
    await core.service.settled();
    const flagFetches = () => proxy.commands.filter((c) => /^UID FETCH \S+ \(UID FLAGS\)/i.test(c.line));
    proxy.clearLog();

    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.mailboxOpen('INBOX');
    const headers = await allHeaders(core, inbox.id);
    for (let round = 0; round < 3; round++) {
      // One of our own actions...
      await core.service.call('messages.setFlags', { ids: [headers[round]!.id], flagged: true });
      // ... and one change elsewhere to a recent message, which IDLE notices.
      const theirs = headers[10 + round]!;
      await other.messageFlagsAdd(String(theirs.uid), ['\\Flagged'], { uid: true });
      await waitFor(async () => (await core.service.call('messages.get', { ids: [theirs.id] }))[0]?.flags.flagged, {
        what: `the star from elsewhere, round ${round}`,
      });
      await core.service.settled();
    }

    const fetches = flagFetches();
    expect(fetches.length).toBeGreaterThan(0);
    expect(fetches.filter((c) => /^UID FETCH 1:/i.test(c.line))).toEqual([]);
    const bytes = fetches.reduce((sum, c) => sum + c.responseBytes, 0);

    // "Sync now" compares them all: that is what each of those syncs used to cost.
    proxy.clearLog();
    await core.service.call('sync.now', { accountId: account.id });
    const full = await waitFor(() => flagFetches().find((c) => /^UID FETCH 1:/i.test(c.line) && c.responseBytes > 0), {
      what: 'a comparison of every flag',
    });
    await core.service.settled();
    // Each sync after an action or a notice compares the newest RECENT_FLAGS messages: a
    // fraction of the whole folder (300 of 2,000), where it used to be all of it every time.
    const share = RECENT_FLAGS / COUNT;
    for (const fetch of fetches) expect(fetch.responseBytes).toBeLessThan(full.responseBytes * share * 1.2);
    expect(bytes).toBeLessThan(fetches.length * full.responseBytes * share * 1.2);
    expect(full.responseBytes).toBeGreaterThan(COUNT * 20);
  });
});
