// Courier-IMAP as Debian configures it (no file-change notifier): IDLE looks for changes only
// every 60 s. The engine sends NOOP when the window comes to the front (and every 10 s while it
// stays there), which makes Courier look at once, as docs/servers.md says; in the background
// nothing asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierFamId } from '../../mailserver/courier-config';
import { imapServerView } from '../../mailserver/imap-servers';
import { processesWithEnv } from '../../mailserver/processes';
import { startMailServer, type MailServer } from '../../mailserver/server';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../../support/core-harness';
import { cleanupAfterEach } from '../../support/cleanup';
import { waitFor } from '../../support/wait';

let lazy: MailServer;
beforeAll(async () => {
  lazy = await startMailServer({
    courier: true,
    courierIdle: 'poll',
    users: [{ name: 'erin', password: 'erin-pw-1' }],
  });
});
afterAll(async () => {
  if (!lazy) return;
  const famId = courierFamId(lazy.courier!.ports);
  await lazy.stop();
  // imapd uses gamin with enhanced IDLE off too: no gam_server of this run may outlive it.
  expect(processesWithEnv(`GAM_CLIENT_ID=${famId}`)).toEqual([]);
});
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Sender <sender@example.test>\r\nTo: erin@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

describe('Courier with its default 60 s IDLE', () => {
  it('shows mail added elsewhere as soon as the window comes to the front, not from IDLE in the background', async () => {
    const server = imapServerView(lazy.info(), 'courier');
    const user = server.users[0]!;
    const core = await startCore(server, { intervalSeconds: 3_600 });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await core.service.call('mailboxes.open', { mailboxId: inbox.id });
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'online'));
    await core.service.settled();
    await new Promise((r) => setTimeout(r, 1_000)); // the watcher is in IDLE; Courier looks in ~60 s

    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('While in the background'));
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await allHeaders(core, inbox.id), 'IDLE reported at once: not the lazy server this tests').toEqual([]);

    // Brought to the front, the engine asks at once (a NOOP), then every 10 s while in front.
    await core.service.call('sync.foreground', { foreground: true });
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 1, {
      what: 'the message, through the NOOP sent on coming to the front',
      timeoutMs: 2_000,
    });
  });
});
