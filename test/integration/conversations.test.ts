// Conversations against a real Dovecot: a thread whose middle message is your reply in Sent is
// one conversation across folders, the same subject alone is not, and actions on a conversation
// (taken offline, undone offline, then online) reach the server for every message of it in the
// folder and for no other. The conversation rows follow changes another device makes.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { cleanupAfterEach } from '../support/cleanup';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const id = (name: string) => `<${name}@threads.example>`;

function raw(name: string, subject: string, day: number, from: string, replyTo: string[] = []): string {
  return [
    `From: ${from} <${from.toLowerCase()}@example.test>`,
    'To: me@example.test',
    `Subject: ${subject}`,
    `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}`,
    `Message-ID: ${id(name)}`,
    ...(replyTo.length ? [`In-Reply-To: ${replyTo.at(-1)}`, `References: ${replyTo.join('\r\n ')}`] : []),
    '',
    `${name}`,
    '',
  ].join('\r\n');
}

/** Message-IDs in a folder on the server, with their flags, read by another connection (selected anew each time). */
async function onServer(client: ImapFlow, path: string): Promise<Record<string, string[]>> {
  const box = await client.mailboxOpen(path);
  const out: Record<string, string[]> = {};
  if (box.exists === 0) return out;
  for await (const m of client.fetch('1:*', { envelope: true, flags: true }))
    out[m.envelope?.messageId ?? '?'] = [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort();
  return out;
}

describe('conversations', () => {
  it('thread across Inbox and Sent, and actions on one reach the server, offline and undone too', async () => {
    const user = await createMailUser(server, 'threads');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('a', 'Plans', 1, 'Alice'), ['\\Seen']);
    await other.append('Sent', raw('b', 'Re: Plans', 2, 'Me', [id('a')]), ['\\Seen']);
    await other.append('INBOX', raw('c', 'Re: Plans', 3, 'Alice', [id('a'), id('b')]));
    await other.append('INBOX', raw('d', 'Re: Plans', 4, 'Bob'));

    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const sent = await mailboxByRole(c, account.id, 'sent');
    const archive = await mailboxByRole(c, account.id, 'archive');
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 3, { what: 'the Inbox' });
    await c.service.call('mailboxes.open', { mailboxId: sent.id });
    await waitFor(async () => (await allHeaders(c, sent.id)).length === 1, { what: 'Sent' });
    await c.service.settled();

    const window = () => c.service.call('conversations.window', { mailboxId: inbox.id, offset: 0, limit: 50 });
    const first = await window();
    expect(first.total).toBe(2);
    expect(first.messages.map((row) => row.messageId)).toEqual([id('d'), id('c')]);
    const thread = first.messages[1]!.conversation;
    expect(thread).toMatchObject({ count: 2, total: 3, unread: 1, flagged: false });
    expect(thread.participants.map((p) => p.name)).toEqual(['Alice', 'Me']);
    const stacked = await c.service.call('conversations.messages', { id: thread.id, mailboxId: inbox.id });
    expect(stacked.map((m) => [m.messageId, m.mailboxId])).toEqual([
      [id('a'), inbox.id],
      [id('b'), sent.id],
      [id('c'), inbox.id],
    ]);

    // Search results as conversations: the four hits are two conversations, in every folder of the account
    const found = await c.service.call('conversations.search', {
      query: 'plans',
      scope: { kind: 'account', accountId: account.id },
      offset: 0,
      limit: 10,
    });
    expect(found.total).toBe(2);
    expect(found.messages.map((row) => row.messageId)).toEqual([id('d'), id('c')]);
    expect(found.messages[1]).toMatchObject({ conversation: { id: thread.id, total: 3 } });

    // Offline: archive the conversation, then undo it as the window does (each message back where it was)
    await proxy.cut();
    await waitFor(() => c.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    const members = await c.service.call('conversations.members', { rows: [{ id: thread.id, mailboxId: inbox.id }] });
    expect(members.map((m) => m.messageId)).toEqual([id('c'), id('a')]);
    await c.service.call('messages.archive', { ids: members.map((m) => m.id) });
    expect((await window()).messages.map((row) => row.messageId)).toEqual([id('d')]);
    const archived = await c.service.call('conversations.window', { mailboxId: archive.id, offset: 0, limit: 50 });
    expect(archived.messages[0]!.conversation).toMatchObject({ id: thread.id, count: 2, total: 3 });
    await c.service.call('messages.move', { ids: members.map((m) => m.id), toMailboxId: inbox.id });
    expect((await window()).messages.map((row) => row.messageId)).toEqual([id('d'), id('c')]);

    // and star it, still offline
    await c.service.call('messages.setFlags', { ids: members.map((m) => m.id), flagged: true });
    expect((await window()).messages[1]!.conversation.flagged).toBe(true);

    await proxy.restore();
    await waitFor(
      async () => {
        const box = await onServer(other, 'INBOX');
        return box[id('a')]?.includes('\\Flagged') && box[id('c')]?.includes('\\Flagged');
      },
      { timeoutMs: 20_000, what: 'the star to reach the server' },
    );
    expect(await onServer(other, 'Archive')).toEqual({});
    expect(Object.keys(await onServer(other, 'INBOX')).sort()).toEqual([id('a'), id('c'), id('d')]);
    expect((await onServer(other, 'INBOX'))[id('d')]).not.toContain('\\Flagged');
    await c.service.settled();

    // Online: archive it for real; your reply stays in Sent, Bob's message in the Inbox
    const online = await c.service.call('conversations.members', { rows: [{ id: thread.id, mailboxId: inbox.id }] });
    await c.service.call('messages.archive', { ids: online.map((m) => m.id) });
    await waitFor(async () => Object.keys(await onServer(other, 'Archive')).length === 2, {
      timeoutMs: 20_000,
      what: 'the archive to reach the server',
    });
    expect(Object.keys(await onServer(other, 'Archive')).sort()).toEqual([id('a'), id('c')]);
    expect(Object.keys(await onServer(other, 'INBOX'))).toEqual([id('d')]);
    expect(Object.keys(await onServer(other, 'Sent'))).toEqual([id('b')]);

    // Another device reads the conversation in Archive: its row follows after the next sync
    await other.mailboxOpen('Archive');
    await other.messageFlagsAdd('1:*', ['\\Seen']);
    await c.service.call('mailboxes.open', { mailboxId: archive.id });
    await waitFor(
      async () =>
        (await c.service.call('conversations.window', { mailboxId: archive.id, offset: 0, limit: 5 })).messages[0]
          ?.conversation.unread === 0,
      { timeoutMs: 20_000, what: 'the read state from the other device' },
    );
  });
});

describe('conversations in a unified view', () => {
  it('merge both accounts’ Inboxes as conversations, newest first', async () => {
    const alice = await createMailUser(server, 'threads-a');
    const bob = await createMailUser(server, 'threads-b');
    for (const [user, prefix, days] of [
      [alice, 'alice', [1, 3]],
      [bob, 'bob', [2, 4]],
    ] as const) {
      const other = await otherDevice(server, user);
      cleanup.push(() => other.logout());
      await other.append('INBOX', raw(`${prefix}1`, 'Hello', days[0], 'Friend'));
      await other.append('INBOX', raw(`${prefix}2`, 'Re: Hello', days[1], 'Friend', [id(`${prefix}1`)]));
    }
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    for (const user of [alice, bob]) {
      const account = await addAccount(c, server, user);
      const inbox = await mailboxByRole(c, account.id, 'inbox');
      await waitFor(async () => (await allHeaders(c, inbox.id)).length === 2, { what: `${user.name}'s Inbox` });
    }
    const unified = await c.service.call('conversations.unifiedWindow', { role: 'inbox', offset: 0, limit: 10 });
    expect(unified.total).toBe(2);
    expect(unified.messages.map((row) => [row.messageId, row.conversation.count])).toEqual([
      [id('bob2'), 2],
      [id('alice2'), 2],
    ]);
  });
});
