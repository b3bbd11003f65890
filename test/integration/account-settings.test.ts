// Account settings against the real Dovecot and Postfix: changes persist across an engine
// restart, a new sync interval applies to the running account, the signature is what
// compose.prepare writes, and removing an account deletes everything of it and nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MessageHeader } from '../../shared/domain';
import { getMailServer } from '../mailserver/inject';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import {
  addAccount,
  allHeaders,
  mailboxByPath,
  mailboxByRole,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function core(options: Parameters<typeof startCore>[1] = {}): Promise<CoreHandle> {
  const handle = await startCore(server, options);
  cleanup.push(() => handle.close(true));
  return handle;
}

function message(user: MailUser, subject: string, body: string): string {
  return (
    `From: Sender <sender@example.test>\r\nTo: ${user.address}\r\nSubject: ${subject}\r\n` +
    `Date: Wed, 04 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n` +
    `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`
  );
}

async function headerWithSubject(c: CoreHandle, mailboxId: number, subject: string): Promise<MessageHeader> {
  return waitFor(async () => (await allHeaders(c, mailboxId)).find((h) => h.subject === subject), {
    timeoutMs: 15_000,
    what: `"${subject}" in the cache`,
  });
}

describe('account settings', () => {
  it('saves the changes, announces them, and keeps them across an engine restart', async () => {
    const user = await createMailUser(server, 'settings');
    const first = await startCore(server, { offline: true });
    const account = await addAccount(first, server, user);
    const updated = await first.service.call('accounts.update', {
      accountId: account.id,
      name: '  Work  ',
      displayName: 'Ada Lovelace',
      signature: 'Ada\nAnalytical Engines Ltd',
      syncIntervalSeconds: 900,
      remoteImages: 'always',
    });
    expect(updated).toMatchObject({
      name: 'Work',
      displayName: 'Ada Lovelace',
      signature: 'Ada\nAnalytical Engines Ltd',
      syncIntervalSeconds: 900,
      remoteImages: 'always',
      email: user.address,
    });
    expect(first.eventsOf('accounts.changed')).toContainEqual({ accountId: account.id });

    // a line break in a name would start a new header line in From: refused, nothing changed
    await expect(
      first.service.call('accounts.update', { accountId: account.id, displayName: 'Eve\r\nBcc: x@example.test' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(first.service.call('accounts.update', { accountId: account.id, name: '   ' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(
      first.service.call('accounts.update', { accountId: 'no-such-account', name: 'X' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await first.close();

    const second = await core({ dataDir: first.dataDir, offline: true });
    const [reloaded] = await second.service.call('accounts.list', {});
    expect(reloaded).toMatchObject({
      id: account.id,
      name: 'Work',
      displayName: 'Ada Lovelace',
      signature: 'Ada\nAnalytical Engines Ltd',
      syncIntervalSeconds: 900,
      remoteImages: 'always',
    });

    // an empty signature is no signature; the other fields stay as they were
    const cleared = await second.service.call('accounts.update', { accountId: account.id, signature: '' });
    expect(cleared.signature).toBeUndefined();
    expect(cleared.displayName).toBe('Ada Lovelace');
  });

  it('keeps the senders whose remote images always load, per account', async () => {
    const user = await createMailUser(server, 'senders');
    const c = await core({ offline: true });
    const account = await addAccount(c, server, user);
    await c.service.call('accounts.allowRemoteSender', { accountId: account.id, address: ' News@Images.Example ' });
    await c.service.call('accounts.allowRemoteSender', { accountId: account.id, address: 'news@images.example' });
    expect(await c.service.call('accounts.remoteSenders', {})).toEqual([
      { accountId: account.id, address: 'news@images.example' },
    ]);
    expect(c.eventsOf('accounts.changed').filter((e) => e.accountId === account.id).length).toBeGreaterThan(0);
    await c.service.call('accounts.forgetRemoteSender', { accountId: account.id, address: 'NEWS@images.example' });
    expect(await c.service.call('accounts.remoteSenders', { accountId: account.id })).toEqual([]);
    await expect(
      c.service.call('accounts.allowRemoteSender', { accountId: 'gone', address: 'a@b.example' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('puts the signature as it is now into new messages, replies and forwards', async () => {
    const user = await createMailUser(server, 'signature');
    await appendMessage(server, user, message(user, 'Question', 'Can the engine weave algebraic patterns?'));
    const c = await core();
    const account = await addAccount(c, server, user);
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const original = await headerWithSubject(c, inbox.id, 'Question');

    await c.service.call('accounts.update', { accountId: account.id, signature: 'Ada\n-- \nnot a second delimiter' });
    await c.service.call('accounts.update', { accountId: account.id, signature: 'Ada Lovelace\nAnalytical Engines' });
    const fresh = await c.service.call('compose.prepare', { mode: 'new', accountId: account.id });
    expect(fresh.body).toBe('\n\n-- \nAda Lovelace\nAnalytical Engines\n');
    const reply = await c.service.call('compose.prepare', { mode: 'reply', messageId: original.id });
    expect(reply.body).toContain('-- \nAda Lovelace\nAnalytical Engines\n');
    expect(reply.body).toContain('> Can the engine weave algebraic patterns?');
    const forward = await c.service.call('compose.prepare', { mode: 'forward', messageId: original.id });
    expect(forward.body).toContain('-- \nAda Lovelace\nAnalytical Engines\n');
    const html = await c.service.call('compose.prepare', { mode: 'new', accountId: account.id, format: 'html' });
    expect(html.body).toContain('Ada Lovelace<br>');

    await c.service.call('accounts.update', { accountId: account.id, signature: '' });
    const without = await c.service.call('compose.prepare', { mode: 'new', accountId: account.id });
    expect(without.body).not.toContain('-- ');
  });

  it('applies a new sync interval to the running account without a restart', async () => {
    const user = await createMailUser(server, 'interval');
    await withImap(server, user, (client) => client.mailboxCreate('Projects'));
    const c = await core();
    // an hour: nothing but IDLE (on INBOX) would notice mail in Projects during this test
    const account = await addAccount(c, server, user, { syncIntervalSeconds: 3600 });
    const projects = await mailboxByPath(c, account.id, 'Projects');
    await waitFor(async () => (await c.service.call('accounts.status', {}))[0]?.state === 'online', {
      what: 'the account online',
    });
    await c.service.settled();

    await appendMessage(server, user, message(user, 'Plan A', 'first'), 'Projects');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await allHeaders(c, projects.id)).map((h) => h.subject)).toEqual([]);

    await c.service.call('accounts.update', { accountId: account.id, syncIntervalSeconds: 1 });
    const started = Date.now();
    await headerWithSubject(c, projects.id, 'Plan A');
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

/** Rows of each table that belong to one account, counted the way removal must clear them. */
function rowsOf(db: Database.Database, accountId: string): Record<string, number> {
  const count = (sql: string) => (db.prepare(sql).get(accountId) as { n: number }).n;
  const boxes = 'SELECT id FROM mailboxes WHERE account_id = ?';
  const msgs = `SELECT id FROM messages WHERE mailbox_id IN (${boxes})`;
  return {
    accounts: count('SELECT COUNT(*) n FROM accounts WHERE id = ?'),
    mailboxes: count(`SELECT COUNT(*) n FROM mailboxes WHERE account_id = ?`),
    messages: count(`SELECT COUNT(*) n FROM messages WHERE mailbox_id IN (${boxes})`),
    bodies: count(`SELECT COUNT(*) n FROM message_bodies WHERE message_id IN (${msgs})`),
    pendingOps: count('SELECT COUNT(*) n FROM pending_ops WHERE account_id = ?'),
    drafts: count('SELECT COUNT(*) n FROM drafts WHERE account_id = ?'),
    outbox: count('SELECT COUNT(*) n FROM outbox WHERE account_id = ?'),
    senders: count('SELECT COUNT(*) n FROM remote_content_senders WHERE account_id = ?'),
  };
}

function pinRows(db: Database.Database): string[] {
  return (
    db.prepare('SELECT host, port FROM certificate_pins ORDER BY port').all() as { host: string; port: number }[]
  ).map((row) => `${row.host}:${row.port}`);
}

function databaseBytes(dataDir: string): Buffer {
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dataDir, file));
    } catch {
      return Buffer.alloc(0);
    }
  };
  return Buffer.concat([read('mail.db'), read('mail.db-wal')]);
}

describe('removing an account', () => {
  it('stops it and deletes its secret, mail, drafts, outbox, senders and pins, and nothing of another account', async () => {
    const [ada, bob] = [await createMailUser(server, 'remove-a'), await createMailUser(server, 'remove-b')];
    await appendMessage(server, ada, message(ada, 'For Ada', 'ada-secret-body-7f3a'));
    await appendMessage(server, bob, message(bob, 'For Bob', 'bob-kept-body-91c2'));
    // Ada reaches IMAP through a proxy, so her connection can be taken away; the two accounts
    // use different ports, so each has certificate pins of its own.
    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const c = await core();
    const a = await addAccount(c, server, ada, { imap: { host: server.host, port: proxy.port, security: 'tls' } });
    const b = await addAccount(c, server, bob, {
      imap: { host: server.host, port: server.ports.imap, security: 'starttls' },
      smtp: { host: server.host, port: server.ports.submissions, security: 'tls' },
    });
    const adaInbox = await mailboxByRole(c, a.id, 'inbox');
    const bobInbox = await mailboxByRole(c, b.id, 'inbox');
    const adaMessage = await headerWithSubject(c, adaInbox.id, 'For Ada');
    const bobMessage = await headerWithSubject(c, bobInbox.id, 'For Bob');
    await c.service.call('message.body', { id: adaMessage.id });
    await c.service.call('message.body', { id: bobMessage.id });
    for (const [account, to] of [
      [a, ada],
      [b, bob],
    ] as const) {
      const draft = await c.service.call('compose.prepare', { mode: 'new', accountId: account.id });
      await c.service.call('drafts.save', { draft: { ...draft, to: to.address, subject: 'Unfinished' } });
      await c.service.call('accounts.allowRemoteSender', { accountId: account.id, address: 'news@images.example' });
    }
    const outgoing = await c.service.call('compose.prepare', { mode: 'new', accountId: a.id });
    await c.service.call('outbox.send', {
      draft: { ...outgoing, to: bob.address, subject: 'Waiting to go' },
      undoSeconds: 30,
    });

    // pins of both accounts' servers, as trusting a certificate in the wizard leaves them
    const db = new Database(path.join(c.dataDir, 'mail.db'));
    cleanup.push(() => db.close());
    const pin = db.prepare(
      `INSERT INTO certificate_pins (host, port, fingerprint256, pem, subject, issuer, valid_to, created_at)
       VALUES (?, ?, ?, ?, 'CN=test', 'CN=test', 0, 0)`,
    );
    for (const port of [proxy.port, server.ports.submission, server.ports.imap, server.ports.submissions])
      pin.run(server.host, port, `AA:${port}`, server.untrustedCaPem);

    // Ada's connection goes away: her flag change stays queued for the server
    await proxy.cut();
    await waitFor(
      async () => (await c.service.call('accounts.status', {})).find((s) => s.accountId === a.id)?.state === 'offline',
      {
        timeoutMs: 15_000,
        what: "Ada's account offline",
      },
    );
    await c.service.call('messages.setFlags', { ids: [adaMessage.id], flagged: true });

    const sealed = (db.prepare('SELECT secret FROM accounts WHERE id = ?').get(a.id) as { secret: Buffer }).secret;
    expect(sealed.length).toBeGreaterThan(16);
    const before = rowsOf(db, a.id);
    expect(before).toMatchObject({ accounts: 1, drafts: 2, outbox: 1, senders: 1, pendingOps: 1, bodies: 1 });
    expect(before.messages).toBeGreaterThan(0);
    const bobBefore = rowsOf(db, b.id);
    expect(bobBefore).toMatchObject({ accounts: 1, drafts: 1, senders: 1, bodies: 1 });

    await c.service.call('accounts.remove', { accountId: a.id });
    const removedAt = c.events.length;

    expect(rowsOf(db, a.id)).toEqual({
      accounts: 0,
      mailboxes: 0,
      messages: 0,
      bodies: 0,
      pendingOps: 0,
      drafts: 0,
      outbox: 0,
      senders: 0,
    });
    expect((db.prepare('SELECT COUNT(*) n FROM pending_op_messages').get() as { n: number }).n).toBe(0);
    expect(rowsOf(db, b.id)).toEqual(bobBefore);
    // Ada's servers lose their pins; Bob's keep theirs
    expect(pinRows(db)).toEqual(
      [`${server.host}:${server.ports.imap}`, `${server.host}:${server.ports.submissions}`].sort(
        (x, y) => Number(x.split(':')[1]) - Number(y.split(':')[1]),
      ),
    );
    expect(c.eventsOf('accounts.changed')).toContainEqual({ accountId: a.id, removed: true });
    expect((await c.service.call('accounts.list', {})).map((account) => account.id)).toEqual([b.id]);
    expect(await c.service.call('accounts.remoteSenders', {})).toEqual([
      { accountId: b.id, address: 'news@images.example' },
    ]);

    // On disk, not even in free pages or the log: her sealed password and her mail are gone,
    // while Bob's mail is still there to be found the same way.
    const bytes = databaseBytes(c.dataDir);
    expect(bytes.includes(Buffer.from('bob-kept-body-91c2'))).toBe(true);
    expect(bytes.includes(Buffer.from('ada-secret-body-7f3a'))).toBe(false);
    expect(bytes.includes(sealed)).toBe(false);

    // The runtime is stopped: with the network back it never connects again nor reports a status
    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const afterRemoval = c.events
      .slice(removedAt)
      .filter((e) => (e.payload as { accountId?: string }).accountId === a.id);
    expect(afterRemoval).toEqual([]);
    await expect(c.service.call('accounts.update', { accountId: a.id, name: 'Back' })).rejects.toMatchObject({
      code: 'not-found',
    });

    // Bob goes on: new mail still arrives
    await appendMessage(server, bob, message(bob, 'Still here', 'after the removal'));
    await headerWithSubject(c, bobInbox.id, 'Still here');
  });
});
