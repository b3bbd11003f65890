// Offline actions (RFC 4549): with the network cut, actions apply locally at once and queue;
// when the connection is back they replay in order and the server ends up equal to the cache.
// Quitting with actions pending loses none of them.
import { describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import {
  addAccount,
  allHeaders,
  mailboxByRole,
  otherDevice,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

async function serverState(client: ImapFlow, path: string) {
  await client.mailboxOpen(path);
  const out = new Map<string, { seen: boolean; flagged: boolean }>();
  for await (const m of client.fetch('1:*', { envelope: true, flags: true }))
    out.set(m.envelope?.subject ?? '', {
      seen: m.flags?.has('\\Seen') ?? false,
      flagged: m.flags?.has('\\Flagged') ?? false,
    });
  return out;
}

async function localState(c: CoreHandle, mailboxId: number) {
  return new Map(
    (await allHeaders(c, mailboxId)).map((h) => [h.subject, { seen: h.flags.seen, flagged: h.flags.flagged }]),
  );
}

describe('offline actions', () => {
  it('queue while the network is cut, survive a restart, and replay so the server equals the cache', async () => {
    const user = await createMailUser(server, 'offline');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const s of ['Keep me', 'Star me', 'Archive me', 'Delete me', 'Read me']) await other.append('INBOX', raw(s));

    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    let c = await startCore(server);
    const account = await addAccount(c, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const archive = await mailboxByRole(c, account.id, 'archive');
    const trash = await mailboxByRole(c, account.id, 'trash');
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 5, { what: 'five messages' });
    await c.service.settled();

    await proxy.cut();
    await waitFor(() => c.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline status' });

    const bySubject = new Map((await allHeaders(c, inbox.id)).map((h) => [h.subject, h.id]));
    await c.service.call('messages.setFlags', { ids: [bySubject.get('Star me')!], flagged: true });
    await c.service.call('messages.setFlags', { ids: [bySubject.get('Read me')!], seen: true });
    await c.service.call('messages.archive', { ids: [bySubject.get('Archive me')!] });
    await c.service.call('messages.delete', { ids: [bySubject.get('Delete me')!] });

    // Applied locally at once.
    expect([...(await localState(c, inbox.id)).keys()].sort()).toEqual(['Keep me', 'Read me', 'Star me']);
    expect((await localState(c, inbox.id)).get('Star me')?.flagged).toBe(true);
    expect([...(await localState(c, archive.id)).keys()]).toEqual(['Archive me']);
    expect([...(await localState(c, trash.id)).keys()]).toEqual(['Delete me']);

    // Quit with the actions pending, start again: nothing is lost.
    await c.close();
    c = await startCore(server, { dataDir: c.dataDir });
    cleanup.push(() => c.close(true));
    expect([...(await localState(c, inbox.id)).keys()].sort()).toEqual(['Keep me', 'Read me', 'Star me']);

    // The server has seen none of it yet.
    const untouched = await serverState(other, 'INBOX');
    expect(untouched.size).toBe(5);
    expect(untouched.get('Star me')?.flagged).toBe(false);

    await proxy.restore();
    await waitFor(
      async () => {
        const inboxOnServer = await serverState(other, 'INBOX');
        return inboxOnServer.size === 3 && inboxOnServer.get('Star me')?.flagged && inboxOnServer.get('Read me')?.seen;
      },
      { timeoutMs: 20_000, what: 'the replay to reach the server' },
    );
    await c.service.settled();

    for (const box of [inbox, archive, trash]) {
      const remote = await serverState(other, box.path);
      await waitFor(async () => (await localState(c, box.id)).size === remote.size, { what: `${box.path} to settle` });
      expect(await localState(c, box.id)).toEqual(remote);
    }
    // Moved messages got their new UIDs from COPYUID (no placeholder left behind).
    expect((await allHeaders(c, archive.id)).every((h) => h.uid > 0)).toBe(true);
  });

  it('drops and reports an action on a message that no longer exists', async () => {
    const user = await createMailUser(server, 'gone');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('Soon gone'));
    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const [msg] = await waitFor(async () => {
      const h = await allHeaders(c, inbox.id);
      return h.length === 1 && h;
    });
    await c.service.settled();
    await proxy.cut();
    await waitFor(() => c.eventsOf('account.status').some((s) => s.state === 'offline'));
    await c.service.call('messages.setFlags', { ids: [msg!.id], flagged: true });
    await other.mailboxOpen('INBOX');
    await other.messageDelete('1:*');
    await proxy.restore();
    const failure = await waitFor(() => c.eventsOf('operation.failed')[0], {
      timeoutMs: 20_000,
      what: 'operation.failed',
    });
    expect(failure.reason).toBe('messages-gone');
    expect(failure.count).toBe(1);
    expect(failure.message).toMatch(/no longer existed/);
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 0, { what: 'the message to vanish locally' });
  });
});

describe('an undo made offline', () => {
  it('archive, then move back, before the server saw either: the server is left as it was', async () => {
    const user = await createMailUser(server, 'undo');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('Archive me, then think again'));
    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const archive = await mailboxByRole(c, account.id, 'archive');
    const [msg] = await waitFor(async () => {
      const h = await allHeaders(c, inbox.id);
      return h.length === 1 && h;
    });
    await c.service.settled();
    await proxy.cut();
    await waitFor(() => c.eventsOf('account.status').some((s) => s.state === 'offline'));

    await c.service.call('messages.archive', { ids: [msg!.id] });
    await c.service.call('messages.move', { ids: [msg!.id], toMailboxId: inbox.id });
    expect((await allHeaders(c, inbox.id)).map((h) => h.uid)).toEqual([msg!.uid]);

    await proxy.restore();
    await waitFor(() => c.eventsOf('account.status').filter((s) => s.state === 'online').length >= 2, {
      timeoutMs: 20_000,
    });
    await c.service.settled();
    expect(c.eventsOf('operation.failed')).toEqual([]);
    expect([...(await serverState(other, 'INBOX')).keys()]).toEqual(['Archive me, then think again']);
    expect((await serverState(other, mailboxPath(server, 'Archive'))).size).toBe(0);
    expect((await allHeaders(c, inbox.id)).map((h) => h.id)).toEqual([msg!.id]);
    expect(await allHeaders(c, archive.id)).toEqual([]);
  });
});
