// POP3 accounts against the test bed's Dovecot pop3d (implicit TLS and STLS): the first download,
// the next one, the options that remove mail from the server (with a clock the test moves), a
// connection cut in the middle of RETR (with batches still on their way to the writer thread), the
// writer thread gone mid-download, a UIDL reset, a refused password and a locked mailbox.
// The store is a real SQLite profile; what the server holds is checked over IMAP, beside POP3.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pop3Account, type Pop3CheckState } from '../../electron/core/pop3/pop3-account';
import { Pop3Client } from '../../electron/core/pop3/pop3-client';
import { DAY_MS, HEADERS_FIRST } from '../../electron/core/pop3/pop3-download';
import { tlsConnectOptions } from '../../electron/core/net/tls-options';
import { POP3_COPY_FILE_NAME } from '../../electron/core/store/pop3-copy';
import { BodyBytes, WholeMessage } from '../../electron/core/store/pop3-batch';
import { Pop3Repo, type Pop3Options, type Pop3Server, type Pop3WriteBatch } from '../../electron/core/store/pop3-repo';
import type { Store } from '../../electron/core/store/store';
import { appendMessage, mailboxStatus, withImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { authFailures } from '../mailserver/logs';
import { planMessages, populateMailbox } from '../mailserver/populate';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { startFaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { openTempStore } from '../support/temp-store';
import { testAccountSettings } from '../support/store-fixtures';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const trust = { trustedCa: [server.caPem] };

const implicitTls = (port = server.ports.pop3s): Pop3Server => ({ host: server.host, port, security: 'tls' });
const stls: Pop3Server = { host: server.host, port: server.ports.pop3, security: 'starttls' };

interface Bed {
  store: Store;
  account: Pop3Account;
  accountId: string;
  clock: { now: number };
  progress: { phase: string; done: number; total: number }[];
  inbox: number;
}

function pop3Bed(
  user: MailUser,
  options: Partial<Pop3Options> = {},
  serverAt: Pop3Server = implicitTls(),
  secret = { password: user.password },
  /** The repo the download writes through (default the store's), and who else is told of its progress. */
  hooks: { repo?: (store: Store) => Pop3Repo; progress?: (p: Bed['progress'][number]) => void } = {},
): Bed {
  const { store } = openTempStore(cleanup, 'pop3-');
  const row = store.accounts.insert(
    { ...testAccountSettings, email: user.address, username: user.address },
    Buffer.from('x'),
  );
  store.pop3.register(row.id, serverAt, {
    leaveOnServer: true,
    deleteAfterDays: null,
    deleteWhenDeletedHere: false,
    ...options,
  });
  const clock = { now: Date.parse('2026-03-01T12:00:00Z') };
  const progress: Bed['progress'] = [];
  const account = new Pop3Account({
    accountId: row.id,
    repo: hooks.repo?.(store) ?? store.pop3,
    username: user.address,
    password: async () => secret.password,
    tls: tlsConnectOptions({ host: serverAt.host, port: serverAt.port }, trust),
    now: () => clock.now,
    progress: (p) => {
      progress.push(p);
      hooks.progress?.(p);
    },
  });
  return { store, account, accountId: row.id, clock, progress, inbox: store.pop3.inbox(row.id) };
}

function done(state: Pop3CheckState) {
  if (state.state !== 'done') throw new Error(`the check ended in ${state.state}: ${JSON.stringify(state)}`);
  return state.result;
}

/** Every local message of the Inbox with its stored source (null: header only). */
function localMessages(bed: Bed) {
  return bed.store.db
    .prepare(
      `SELECT m.id, m.message_id AS messageId, m.subject, r.raw FROM messages m
       LEFT JOIN pop3_raw r ON r.message_row = m.id WHERE m.mailbox_id = ? ORDER BY m.id`,
    )
    .all(bed.inbox) as { id: number; messageId: string | null; subject: string; raw: Buffer | null }[];
}

/** The server's copy of every message, by Message-ID, read over IMAP (not the client under test). */
async function serverSources(user: MailUser): Promise<Map<string, Buffer>> {
  return withImap(server, user, async (c) => {
    await c.mailboxOpen('INBOX');
    const out = new Map<string, Buffer>();
    for await (const m of c.fetch('1:*', { envelope: true, source: true }))
      if (m.envelope?.messageId && m.source) out.set(m.envelope.messageId, m.source);
    return out;
  });
}

/** LIST's sizes by message number, asked with the client outside the account under test. */
async function listSizes(user: MailUser): Promise<Map<number, number>> {
  const client = await Pop3Client.connect({
    ...implicitTls(),
    tls: tlsConnectOptions({ host: server.host, port: server.ports.pop3s }, trust),
  });
  await client.login(user.address, user.password);
  const sizes = await client.list();
  await client.quit();
  return sizes;
}

const onServer = async (user: MailUser) => (await mailboxStatus(server, user)).messages;

function message(subject: string, n: number): string {
  return [
    `From: Sender ${n} <sender${n}@example.org>`,
    'To: someone@example.test',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}.${n}@example.org>`,
    'Date: Sun, 01 Mar 2026 10:00:00 +0000',
    '',
    `Body of ${subject}`,
    '.a line that starts with a dot',
    '.',
    'the end',
    '',
  ].join('\r\n');
}

async function userWith(count: number, prefix = 'pop3'): Promise<MailUser> {
  const user = await createMailUser(server, prefix);
  for (let i = 0; i < count; i++) await appendMessage(server, user, message(`${prefix} message ${i}`, i));
  return user;
}

describe('POP3 download', () => {
  it('downloads 2,000 messages the first time: the newest headers first, then every whole message, each once', async () => {
    const user = await createMailUser(server, 'pop3-first');
    await populateMailbox(server, user, { count: 2000 });
    const bed = pop3Bed(user);

    const result = done(await bed.account.check());

    expect(result).toMatchObject({ headers: 2000, bodies: 2000, recognised: 0, removed: 0 });
    const local = localMessages(bed);
    expect(local).toHaveLength(2000);
    const planned = planMessages(2000).map((p) => p.messageId);
    expect(new Set(local.map((m) => m.messageId))).toEqual(new Set(planned));
    // the whole message is here, byte for byte what the server holds
    const sources = await serverSources(user);
    for (const m of local) expect(m.raw?.equals(sources.get(m.messageId!)!), m.messageId!).toBe(true);
    // the list's first screenfuls filled before any body came: every header step precedes every
    // body step; the older rows came with their whole messages
    const firstBody = bed.progress.findIndex((p) => p.phase === 'bodies');
    expect(firstBody).toBeGreaterThan(0);
    expect(bed.progress.slice(0, firstBody).every((p) => p.phase === 'headers')).toBe(true);
    expect(bed.progress.slice(firstBody).every((p) => p.phase === 'bodies')).toBe(true);
    expect(bed.progress.at(firstBody - 1)).toEqual({ phase: 'headers', done: HEADERS_FIRST, total: HEADERS_FIRST });
    expect(bed.progress.at(-1)).toEqual({ phase: 'bodies', done: 2000, total: 2000 });
    // those first rows are the newest messages (POP3 numbers them in the order they arrived)
    const newest = new Set(planned.slice(-HEADERS_FIRST));
    expect(local.slice(0, HEADERS_FIRST).every((m) => newest.has(m.messageId!))).toBe(true);
    // leave on server is the default
    expect(await onServer(user)).toBe(2000);
  }, 180_000);

  it('brings in only what is new the next time, over STLS on the plain port', async () => {
    const user = await userWith(3, 'pop3-next');
    const bed = pop3Bed(user, {}, stls);
    expect(done(await bed.account.check())).toMatchObject({ headers: 3, bodies: 3 });

    await appendMessage(server, user, message('pop3 later', 7));
    expect(done(await bed.account.check())).toMatchObject({ headers: 1, bodies: 1, removed: 0 });
    expect(done(await bed.account.check())).toMatchObject({ headers: 0, bodies: 0 });

    const local = localMessages(bed);
    expect(local.map((m) => m.subject).sort()).toEqual([
      'pop3 later',
      'pop3-next message 0',
      'pop3-next message 1',
      'pop3-next message 2',
    ]);
    // dot-stuffed lines came back as they were written
    expect(local[0]?.raw?.toString()).toContain('\r\n.a line that starts with a dot\r\n.\r\nthe end\r\n');
  });

  it('removes from the server after N days, by the clock, and never the local copy', async () => {
    const user = await userWith(3, 'pop3-days');
    const bed = pop3Bed(user, { leaveOnServer: true, deleteAfterDays: 7 });
    done(await bed.account.check());
    const later = 'pop3-days late arrival';
    bed.clock.now += 3 * DAY_MS;
    await appendMessage(server, user, message(later, 9));
    done(await bed.account.check());

    bed.clock.now += 4 * DAY_MS - 60_000; // a minute short of 7 days for the first three
    expect(done(await bed.account.check()).removed).toBe(0);
    expect(await onServer(user)).toBe(4);

    bed.clock.now += 60_000;
    expect(done(await bed.account.check()).removed).toBe(3);
    expect(await onServer(user)).toBe(1);
    expect((await serverSources(user)).has('<pop3dayslatearrival.9@example.org>')).toBe(true);

    bed.clock.now += 3 * DAY_MS;
    expect(done(await bed.account.check()).removed).toBe(1);
    expect(await onServer(user)).toBe(0);
    // nothing came back, nothing went here
    expect(localMessages(bed).filter((m) => m.raw)).toHaveLength(4);
    expect(done(await bed.account.check())).toMatchObject({ headers: 0, removed: 0 });
  });

  it('with "leave on server" off, removes each message once it is stored here', async () => {
    const user = await userWith(4, 'pop3-take');
    const bed = pop3Bed(user, { leaveOnServer: false });
    expect(done(await bed.account.check())).toMatchObject({ headers: 4, bodies: 4, removed: 4 });
    expect(await onServer(user)).toBe(0);
    expect(localMessages(bed).filter((m) => m.raw)).toHaveLength(4);
    // before the server let them go, they were in the copy outside mail.db (store/pop3-copy.ts)
    const copy = new Database(path.join(path.dirname(bed.store.db.name), POP3_COPY_FILE_NAME), { readonly: true });
    const copied = copy.prepare('SELECT COUNT(*) AS n FROM messages WHERE length(raw) > 0').get();
    copy.close();
    expect(copied).toEqual({ n: 4 });
  });

  it('removes nothing from the server while the copy outside mail.db cannot be written', async () => {
    const user = await userWith(3, 'pop3-nocopy');
    const bed = pop3Bed(user, { leaveOnServer: false });
    // a folder where the file belongs: SQLite cannot open it
    mkdirSync(path.join(path.dirname(bed.store.db.name), POP3_COPY_FILE_NAME));
    const state = await bed.account.check();
    expect(state.state).not.toBe('done');
    expect(await onServer(user)).toBe(3);
    // what was downloaded is kept here all the same
    expect(localMessages(bed).filter((m) => m.raw)).toHaveLength(3);
  });

  it('removes from the server what was deleted here (moved to Trash or gone), and only that', async () => {
    const user = await userWith(4, 'pop3-deleted');
    const bed = pop3Bed(user, { deleteWhenDeletedHere: true });
    done(await bed.account.check());
    const [a, b] = localMessages(bed);
    const trash = bed.store.mailboxes.byRole(bed.accountId, 'trash')!;
    bed.store.db.prepare('UPDATE messages SET mailbox_id = ? WHERE id = ?').run(trash.id, a!.id);
    bed.store.db.prepare('DELETE FROM messages WHERE id = ?').run(b!.id);

    expect(done(await bed.account.check())).toMatchObject({ headers: 0, removed: 2 });
    const left = await serverSources(user);
    expect([...left.keys()].sort()).toEqual(
      localMessages(bed)
        .map((m) => m.messageId)
        .filter((id) => id !== a!.messageId)
        .sort(),
    );
    expect(done(await bed.account.check())).toMatchObject({ headers: 0, removed: 0 });
  });

  it('loses and duplicates nothing when the connection is cut in the middle of RETR', async () => {
    const user = await userWith(30, 'pop3-cut');
    const proxy = await startFaultProxy({ targetPort: server.ports.pop3s, mode: 'tls', server });
    cleanup.push(() => proxy.close());
    const bed = pop3Bed(user, { leaveOnServer: false }, implicitTls(proxy.port));
    // a few messages into the RETRs: RETR's +OK says "octets", TOP's does not
    const cut = proxy.cut({ direction: 'down', afterLine: /^\+OK \d+ octets/, bytes: 2500 });

    const first = await bed.account.check();
    await cut;
    expect(first.state).toBe('offline');
    const stored = localMessages(bed);
    expect(stored).toHaveLength(30); // every header was in before the cut
    const whole = stored.filter((m) => m.raw).length;
    expect(whole).toBeLessThan(30);
    // nothing left the server: the session never reached QUIT
    expect(await onServer(user)).toBe(30);

    const second = done(await bed.account.check());
    expect(second).toMatchObject({ headers: 0, bodies: 30 - whole, removed: 30 });
    const local = localMessages(bed);
    expect(local).toHaveLength(30);
    expect(new Set(local.map((m) => m.messageId)).size).toBe(30);
    expect(local.every((m) => m.raw && m.raw.toString().includes('Body of pop3-cut message'))).toBe(true);
    expect(await onServer(user)).toBe(0);
  });

  it('loses and duplicates nothing when cut mid-RETR past the headers that came first', async () => {
    const count = HEADERS_FIRST + 100;
    const user = await createMailUser(server, 'pop3-cut-whole');
    await populateMailbox(server, user, { count });
    const proxy = await startFaultProxy({ targetPort: server.ports.pop3s, mode: 'tls', server });
    cleanup.push(() => proxy.close());
    const bed = pop3Bed(user, { leaveOnServer: false }, implicitTls(proxy.port));
    // RETR goes newest first: cut after the newest HEADERS_FIRST + 50 messages' bytes, well past
    // the messages whose headers came first
    const sizes = await listSizes(user);
    const upTo = [...sizes.keys()].sort((a, b) => b - a).slice(0, HEADERS_FIRST + 50);
    const bytes = upTo.reduce((sum, n) => sum + sizes.get(n)!, 0);
    const cut = proxy.cut({ direction: 'down', afterLine: /^\+OK \d+ octets/, bytes });

    const first = await bed.account.check();
    await cut;
    expect(first.state).toBe('offline');
    const stored = localMessages(bed);
    // a message that came whole is stored with its row and UIDL, or not at all
    expect(stored.length).toBeGreaterThan(HEADERS_FIRST);
    expect(stored.length).toBeLessThan(count);
    const rowsWithoutBytes = stored.filter((m) => !m.raw).length;
    expect(bed.store.pop3.known(bed.accountId).size).toBe(stored.length);
    expect(await onServer(user)).toBe(count);

    const second = done(await bed.account.check());
    expect(second).toMatchObject({ headers: count - stored.length, removed: count });
    expect(second.bodies).toBe(count - stored.length + rowsWithoutBytes);
    const local = localMessages(bed);
    expect(local).toHaveLength(count);
    expect(new Set(local.map((m) => m.messageId))).toEqual(new Set(planMessages(count).map((p) => p.messageId)));
    expect(local.every((m) => m.raw !== null)).toBe(true);
    expect(await onServer(user)).toBe(0);
  }, 120_000);

  it('loses and duplicates nothing when cut while batches are still on their way to the writer thread', async () => {
    const count = HEADERS_FIRST + 1000;
    const user = await createMailUser(server, 'pop3-cut-writing');
    await populateMailbox(server, user, { count });
    const proxy = await startFaultProxy({ targetPort: server.ports.pop3s, mode: 'tls', server });
    cleanup.push(() => proxy.close());
    // the thread is given no batch until the connection is gone: each one handed over is on its way
    let releaseWrites!: () => void;
    const writesHeld = new Promise<void>((resolve) => (releaseWrites = resolve));
    cleanup.push(() => releaseWrites());
    const handedOver: number[] = [];
    const bed = pop3Bed(user, { leaveOnServer: false }, implicitTls(proxy.port), undefined, {
      repo: (store) =>
        new Pop3Repo(store.db, undefined, undefined, {
          warmUp: () => undefined,
          store: async (batch) => {
            handedOver.push(batch.bodies.length + batch.whole.length);
            await writesHeld;
            return store.pop3Writer.store(batch);
          },
        }),
    });
    // cut after the bytes of the newest 500 messages: two batches of 200 handed over by then
    const sizes = await listSizes(user);
    const upTo = [...sizes.keys()].sort((a, b) => b - a).slice(0, HEADERS_FIRST + 300);
    const bytes = upTo.reduce((sum, n) => sum + sizes.get(n)!, 0);
    const cut = proxy.cut({ direction: 'down', afterLine: /^\+OK \d+ octets/, bytes });

    const first = bed.account.check();
    await cut;
    await expect.poll(() => handedOver.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    releaseWrites();
    expect((await first).state).toBe('offline');
    const stored = localMessages(bed);
    // every batch handed over was committed before the session ended, the one cut short too
    expect(stored.filter((m) => m.raw).length).toBe(handedOver.reduce((a, b) => a + b, 0));
    expect(stored.length).toBeLessThan(count);
    expect(bed.store.pop3.known(bed.accountId).size).toBe(stored.length);
    // nothing left the server: the session never reached QUIT
    expect(await onServer(user)).toBe(count);

    const second = done(await bed.account.check());
    expect(second).toMatchObject({ headers: count - stored.length, removed: count });
    const local = localMessages(bed);
    expect(local).toHaveLength(count);
    expect(new Set(local.map((m) => m.messageId))).toEqual(new Set(planMessages(count).map((p) => p.messageId)));
    expect(local.every((m) => m.raw !== null)).toBe(true);
    expect(await onServer(user)).toBe(0);
  }, 120_000);

  it('hands the writer its messages as instances of the batch classes, which V8 does not pretenure', async () => {
    // an object literal held until its batch's commit was allocated in the old generation and kept
    // its row and bytes there until a full collection (store/pop3-batch.ts)
    const user = await createMailUser(server, 'pop3-batch-classes');
    await populateMailbox(server, user, { count: HEADERS_FIRST + 50 });
    const handedOver: Pop3WriteBatch[] = [];
    const bed = pop3Bed(user, {}, implicitTls(), undefined, {
      repo: (store) =>
        new Pop3Repo(store.db, undefined, undefined, {
          warmUp: () => undefined,
          store: (batch) => {
            handedOver.push(batch);
            return store.pop3Writer.store(batch);
          },
        }),
    });

    expect(done(await bed.account.check())).toMatchObject({ bodies: HEADERS_FIRST + 50 });
    const bodies = handedOver.flatMap((b) => b.bodies);
    const whole = handedOver.flatMap((b) => b.whole);
    expect(bodies).toHaveLength(HEADERS_FIRST);
    expect(whole).toHaveLength(50);
    expect(bodies.every((m) => m instanceof BodyBytes)).toBe(true);
    expect(whole.every((m) => m instanceof WholeMessage)).toBe(true);
  });

  it('loses and duplicates nothing when the writer thread goes in the middle of the download', async () => {
    const count = HEADERS_FIRST + 1000;
    const user = await createMailUser(server, 'pop3-writer-gone');
    await populateMailbox(server, user, { count });
    let closedAt: number | null = null;
    let threadWasRunning = false;
    const bed: Bed = pop3Bed(user, {}, implicitTls(), undefined, {
      // once the thread committed the first batch of bodies, the next may be on its way to it
      progress: (p) => {
        if (p.phase === 'bodies' && closedAt === null) {
          closedAt = p.done;
          threadWasRunning = bed.store.pop3Writer.threadRunning;
          bed.store.pop3Writer.close();
        }
      },
    });

    const result = done(await bed.account.check());

    // the first batch was the thread's, the rest the main connection's
    expect(threadWasRunning).toBe(true);
    expect(closedAt).toBeLessThan(count);
    expect(result).toMatchObject({ headers: count, bodies: count });
    const local = localMessages(bed);
    expect(local).toHaveLength(count);
    const sources = await serverSources(user);
    for (const m of local) expect(m.raw?.equals(sources.get(m.messageId!)!), m.messageId!).toBe(true);
    expect(done(await bed.account.check())).toMatchObject({ headers: 0, bodies: 0 });
  }, 120_000);

  it('recognises stored messages when the server lists them under new UIDLs', async () => {
    const user = await userWith(5, 'pop3-reset');
    const bed = pop3Bed(user);
    done(await bed.account.check());
    // as after a server move: every UIDL the store knows is one the server no longer lists
    for (const uidl of bed.store.pop3.known(bed.accountId).keys())
      bed.store.pop3.renameUidl(bed.accountId, uidl, `old-${uidl}`);
    await appendMessage(server, user, message('pop3-reset new one', 5));

    expect(done(await bed.account.check())).toMatchObject({ headers: 1, bodies: 1, recognised: 5 });
    expect(localMessages(bed)).toHaveLength(6);
    expect([...bed.store.pop3.known(bed.accountId).keys()].some((u) => u.startsWith('old-'))).toBe(false);
  });

  it('tries a refused password once, and again only after a new one', async () => {
    const user = await userWith(1, 'pop3-wrong');
    const secret = { password: 'not-the-password' };
    const bed = pop3Bed(user, {}, implicitTls(), secret);
    const before = authFailures(server, user.address);

    const first = await bed.account.check();
    const second = await bed.account.check();

    expect(first.state).toBe('auth-failed');
    expect(second.state).toBe('auth-failed');
    await expect.poll(() => authFailures(server, user.address) - before).toBe(1);
    expect(localMessages(bed)).toHaveLength(0);

    secret.password = user.password;
    bed.account.passwordChanged();
    expect(done(await bed.account.check())).toMatchObject({ headers: 1, bodies: 1 });
    expect(authFailures(server, user.address) - before).toBe(1);
  });

  it('says a mailbox held by another POP3 session is in use, and gets in once it is free', async () => {
    const user = await userWith(2, 'pop3-locked');
    const holder = await Pop3Client.connect({
      ...implicitTls(),
      tls: tlsConnectOptions({ host: server.host, port: server.ports.pop3s }, trust),
    });
    await holder.login(user.address, user.password);
    const bed = pop3Bed(user);

    const locked = await bed.account.check();
    expect(locked.state).toBe('in-use');
    expect(locked.state === 'in-use' && locked.message).toMatch(/another program is reading this mailbox/i);

    await holder.quit();
    expect(done(await bed.account.check())).toMatchObject({ headers: 2, bodies: 2 });
  });
});
