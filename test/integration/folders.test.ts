// Folder management against Dovecot: create (nested too), rename, move and delete reach the
// server at once when online; made offline they are queued with the actions on messages and
// replayed in order; a rename the server refuses (the name was taken meanwhile on another
// device) is reported and undone here; special folders are refused.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { cleanupAfterEach } from '../support/cleanup';
import {
  addAccount,
  allHeaders,
  mailboxByPath,
  mailboxByRole,
  otherDevice,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

async function serverPaths(other: ImapFlow): Promise<string[]> {
  return (await other.list()).map((m) => m.path).sort();
}

async function localPaths(core: CoreHandle, accountId: string): Promise<string[]> {
  return (await core.service.call('mailboxes.list', { accountId })).map((m) => m.path).sort();
}

async function setUp(prefix: string, behindProxy = false) {
  const user = await createMailUser(server, prefix);
  const other = await otherDevice(server, user);
  cleanup.push(() => other.logout());
  let proxy: TcpProxy | null = null;
  if (behindProxy) {
    proxy = await startTcpProxy(server.ports.imaps);
    const p = proxy;
    cleanup.push(() => p.close());
  }
  const core = await startCore(server, { opRetry: { baseMs: 200, maxMs: 1_000 } });
  cleanup.push(() => core.close(true));
  const account = await addAccount(
    core,
    server,
    user,
    proxy ? { imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' } } : {},
  );
  const inbox = await mailboxByRole(core, account.id, 'inbox');
  await core.service.settled();
  return { user, other, proxy, core, account, inbox };
}

async function goOffline(core: CoreHandle, proxy: TcpProxy) {
  await proxy.cut();
  await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
}

describe('folder management', () => {
  it('creates, nests, renames, moves and deletes folders on the server', async () => {
    const { other, core, account } = await setUp('folders-online');
    const call = core.service.call.bind(core.service);

    const { mailboxId: projects } = await call('folders.create', {
      accountId: account.id,
      parentId: null,
      name: 'Projects',
    });
    const { mailboxId: year } = await call('folders.create', {
      accountId: account.id,
      parentId: projects,
      name: '2026',
    });
    // shown at once, before the server has answered
    expect(await localPaths(core, account.id)).toEqual(expect.arrayContaining(['Projects', 'Projects/2026']));
    await core.service.settled();
    expect(await serverPaths(other)).toEqual(expect.arrayContaining(['Projects', 'Projects/2026']));
    expect((await other.list()).find((m) => m.path === 'Projects')?.subscribed).toBe(true);

    await other.append('Projects/2026', raw('Kept through the rename'));
    await call('sync.now', {});
    await core.service.settled();
    const [kept] = await waitFor(async () => {
      const rows = await allHeaders(core, year);
      return rows.length === 1 && rows;
    });

    await call('folders.rename', { mailboxId: projects, name: 'Work' });
    const renamed = await call('mailboxes.list', { accountId: account.id });
    expect(renamed.find((m) => m.id === year)).toMatchObject({ path: 'Work/2026', parentPath: 'Work' });
    await core.service.settled();
    expect(await serverPaths(other)).toEqual(expect.arrayContaining(['Work', 'Work/2026']));
    expect(await serverPaths(other)).not.toContain('Projects');
    // the same row and its cached message, not a new folder synced from scratch
    expect((await allHeaders(core, year)).map((h) => h.id)).toEqual([kept!.id]);

    await call('folders.move', { mailboxId: year, parentId: null });
    await core.service.settled();
    expect(await serverPaths(other)).toEqual(expect.arrayContaining(['2026', 'Work']));
    expect(await serverPaths(other)).not.toContain('Work/2026');
    expect(await other.status('2026', { messages: true })).toMatchObject({ messages: 1 });

    await call('folders.delete', { mailboxId: projects });
    await core.service.settled();
    expect(await serverPaths(other)).not.toContain('Work');
    expect(await localPaths(core, account.id)).not.toContain('Work');
    expect(core.eventsOf('operation.failed')).toEqual([]);
  });

  it('protects the special folders and refuses names the server cannot hold', async () => {
    const { core, account, inbox } = await setUp('folders-protected');
    const call = core.service.call.bind(core.service);
    const trash = await mailboxByRole(core, account.id, 'trash');
    for (const attempt of [
      call('folders.rename', { mailboxId: inbox.id, name: 'Old inbox' }),
      call('folders.delete', { mailboxId: trash.id }),
      call('folders.move', { mailboxId: trash.id, parentId: inbox.id }),
      call('folders.create', { accountId: account.id, parentId: null, name: 'a/b' }),
      call('folders.create', { accountId: account.id, parentId: null, name: '  ' }),
      call('folders.create', { accountId: account.id, parentId: null, name: 'Trash' }),
      call('folders.empty', { mailboxId: inbox.id }),
    ])
      await expect(attempt).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('queues folder changes made offline and replays them in order with the moves into them', async () => {
    const { other, proxy, core, account, inbox } = await setUp('folders-offline', true);
    await other.append('INBOX', raw('File me offline'));
    await core.service.call('sync.now', {});
    const [message] = await waitFor(async () => {
      const rows = await allHeaders(core, inbox.id);
      return rows.length === 1 && rows;
    });
    await core.service.settled();
    await goOffline(core, proxy!);

    const call = core.service.call.bind(core.service);
    const { mailboxId } = await call('folders.create', { accountId: account.id, parentId: null, name: 'Offline' });
    await call('messages.move', { ids: [message!.id], toMailboxId: mailboxId });
    await call('folders.rename', { mailboxId, name: 'Filed' });
    expect(await localPaths(core, account.id)).toContain('Filed');
    expect(await serverPaths(other)).not.toContain('Filed');

    await proxy!.restore();
    await waitFor(
      async () => {
        const status = await other.status('Filed', { messages: true }).catch(() => false as const);
        return status !== false && status.messages === 1;
      },
      { timeoutMs: 20_000, what: 'the message in Filed' },
    );
    await core.service.settled();
    expect(await serverPaths(other)).not.toContain('Offline');
    expect(await other.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    expect(core.eventsOf('operation.failed')).toEqual([]);
    expect((await allHeaders(core, mailboxId)).map((h) => h.subject)).toEqual(['File me offline']);
  });

  it('shows the refusal of a rename whose name was taken meanwhile, and puts the folder back', async () => {
    const { other, proxy, core, account } = await setUp('folders-refused', true);
    await other.mailboxCreate('Alpha');
    await core.service.call('sync.now', {});
    const alpha = await mailboxByPath(core, account.id, 'Alpha');
    await core.service.settled();
    await goOffline(core, proxy!);

    await core.service.call('folders.rename', { mailboxId: alpha.id, name: 'Beta' });
    await other.mailboxCreate('Beta');
    await proxy!.restore();

    const [failure] = await waitFor(
      () => core.eventsOf('operation.failed').length > 0 && core.eventsOf('operation.failed'),
      {
        timeoutMs: 20_000,
        what: 'the refusal',
      },
    );
    expect(failure).toMatchObject({ accountId: account.id, kind: 'folder-rename', reason: 'refused' });
    expect(failure!.message).toMatch(/exists/i);
    await core.service.settled();
    const boxes = await core.service.call('mailboxes.list', { accountId: account.id });
    expect(boxes.find((m) => m.id === alpha.id)?.path).toBe('Alpha');
    expect(boxes.map((m) => m.path)).toContain('Beta');
    expect(await serverPaths(other)).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
  });

  it('empties Trash and files junk in a Junk folder it creates, and back to the Inbox', async () => {
    const { other, core, account, inbox } = await setUp('folders-junk');
    await other.mailboxDelete('Junk').catch(() => undefined);
    await other.append('INBOX', raw('Spam or not'));
    await other.append('INBOX', raw('Throw away'));
    await core.service.call('sync.now', {});
    const rows = await waitFor(async () => {
      const r = await allHeaders(core, inbox.id);
      return r.length === 2 && r;
    });
    await core.service.settled();
    const spam = rows.find((r) => r.subject === 'Spam or not')!;
    const waste = rows.find((r) => r.subject === 'Throw away')!;

    await core.service.call('messages.junk', { ids: [spam.id] });
    const junk = await mailboxByRole(core, account.id, 'junk');
    await core.service.settled();
    expect(await other.status(junk.path, { messages: true })).toMatchObject({ messages: 1 });
    const [inJunk] = await allHeaders(core, junk.id);
    await core.service.call('messages.notJunk', { ids: [inJunk!.id] });
    await core.service.settled();
    expect(await other.status(junk.path, { messages: true })).toMatchObject({ messages: 0 });
    expect(await other.status('INBOX', { messages: true })).toMatchObject({ messages: 2 });

    await core.service.call('messages.delete', { ids: [waste.id] });
    const trash = await mailboxByRole(core, account.id, 'trash');
    await core.service.settled();
    expect(await other.status(trash.path, { messages: true })).toMatchObject({ messages: 1 });
    await core.service.call('folders.empty', { mailboxId: trash.id });
    expect(await allHeaders(core, trash.id)).toEqual([]);
    await core.service.settled();
    expect(await other.status(trash.path, { messages: true })).toMatchObject({ messages: 0 });
  });

  it('copies messages on the server at once, and refuses a copy offline', async () => {
    const { other, proxy, core, account, inbox } = await setUp('folders-copy', true);
    await other.mailboxCreate('Kept');
    await other.append('INBOX', raw('Copy me'));
    await core.service.call('sync.now', {});
    const kept = await mailboxByPath(core, account.id, 'Kept');
    const [message] = await waitFor(async () => {
      const rows = await allHeaders(core, inbox.id);
      return rows.length === 1 && rows;
    });
    await core.service.settled();

    await core.service.call('messages.copy', { ids: [message!.id], toMailboxId: kept.id });
    expect(await other.status('Kept', { messages: true })).toMatchObject({ messages: 1 });
    expect(await other.status('INBOX', { messages: true })).toMatchObject({ messages: 1 });
    await waitFor(async () => (await allHeaders(core, kept.id)).length === 1, { what: 'the copy synced' });

    await goOffline(core, proxy!);
    await expect(
      core.service.call('messages.copy', { ids: [message!.id], toMailboxId: kept.id }),
    ).rejects.toMatchObject({
      code: 'offline',
    });
  });
});
