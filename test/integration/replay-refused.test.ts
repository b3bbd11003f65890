// An action made offline meets a refusal that has a remedy: the target folder of a queued move
// was deleted on another device, so Dovecot answers NO [TRYCREATE]. The engine creates the
// folder and moves the message there; the user's action is not dropped (it used to be retried
// five times back to back, then silently undone).
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByPath, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

describe('replaying a refused offline action', () => {
  it('a move whose folder was deleted meanwhile (TRYCREATE) creates the folder and lands there', async () => {
    const user = await createMailUser(server, 'trycreate');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.mailboxCreate('Projects');
    await other.append('INBOX', raw('File me'));

    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const core = await startCore(server);
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    const projects = await mailboxByPath(core, account.id, 'Projects');
    const [message] = await waitFor(async () => {
      const h = await allHeaders(core, inbox.id);
      return h.length === 1 && h;
    });
    await core.service.settled();

    await proxy.cut();
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    await core.service.call('messages.move', { ids: [message!.id], toMailboxId: projects.id });
    await other.mailboxDelete('Projects');
    await proxy.restore();

    await waitFor(
      async () => {
        const status = await other.status('Projects', { messages: true }).catch(() => false as const);
        return status !== false && status.messages === 1;
      },
      { timeoutMs: 20_000, what: 'the message in a re-created Projects' },
    );
    await core.service.settled();
    expect(core.eventsOf('operation.failed')).toEqual([]);
    expect(await other.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
  });
});
