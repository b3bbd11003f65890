// A server whose IDLE reports changes late (the proxy holds them back until IDLE ends, as
// Courier-IMAP does between its checks): while the window is in front the engine asks with a
// NOOP now and then, so a change made elsewhere shows within seconds; in the background it waits.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { allHeaders, mailboxByRole, otherDevice } from '../support/core-harness';
import { startFilteredAccount } from '../support/filtered-server';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();

describe('a server with a lazy IDLE', () => {
  it('shows changes from elsewhere within seconds while the window is in front', async () => {
    const user = await createMailUser(server, 'lazyidle');
    const run = await startFilteredAccount(server, user, { lazyIdle: true }, { intervalSeconds: 3_600 });
    cleanup.push(() => run.close());
    const { core, account } = run;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await core.service.call('mailboxes.open', { mailboxId: inbox.id });
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'online'));
    await core.service.settled();
    await new Promise((r) => setTimeout(r, 1_000)); // the watcher is in IDLE

    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', plainMessage('While in the background'));
    // In the background nothing asks: the held notice does not arrive.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await allHeaders(core, inbox.id)).toEqual([]);

    // Coming to the front asks at once; the 10 s poll covers what happens while it stays there.
    await core.service.call('sync.foreground', { foreground: true });
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 1, {
      what: 'the message, through the NOOP sent on coming to the front',
      timeoutMs: 2_000,
    });
    await other.append('INBOX', plainMessage('While in front'));
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 2, {
      what: 'the second message',
      timeoutMs: 15_000,
    });
    expect(run.proxy.commands.some((c) => /^NOOP/i.test(c.line))).toBe(true);
  });
});
