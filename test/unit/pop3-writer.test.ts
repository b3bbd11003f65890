// The POP3 writer thread (store/pop3-writer.ts) on a real SQLite file: a batch it writes is
// stored exactly as the main connection stores it (rows, UIDLs, bytes, counts), its bytes arrive
// whole though they were views into a shared pool, and whatever keeps the thread from writing a
// batch (no thread to be had, a thread closed with batches on their way) leaves that batch to
// the main connection, each message stored once.
import { describe, expect, it } from 'vitest';
import { headerRow } from '../../electron/core/store/header-rows';
import type { Pop3WriteBatch } from '../../electron/core/store/pop3-batch';
import { Pop3Repo } from '../../electron/core/store/pop3-repo';
import { POP3_WRITER_IDLE_CLOSE_MS, Pop3Writer } from '../../electron/core/store/pop3-writer';
import type { Store } from '../../electron/core/store/store';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord, testAccountSettings } from '../support/store-fixtures';
import { openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

/** A store with one POP3 account, and the TOP'd headers `t1`..`t<topped>` already in its Inbox. */
function pop3Store(topped = 0) {
  const { store } = openTempStore(cleanup, 'mail-pop3-writer-');
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  store.pop3.register(account.id, { host: 'pop.example.test', port: 995, security: 'tls' });
  const accountId = account.id;
  const headers = Array.from({ length: topped }, (_, i) => ({
    uidl: `t${i + 1}`,
    headerHash: `th${i + 1}`,
    record: headerRecord(0, { messageId: `<t${i + 1}@x>` }),
  }));
  store.pop3.addHeaders(accountId, headers, 1_700_000_000_000);
  return { store, accountId, inbox: store.pop3.inbox(accountId) };
}

/**
 * The bytes of a message as the POP3 client hands them over: a small Buffer is a view into
 * Node's shared 8 KB pool, beside other messages' bytes.
 */
const source = (name: string) => Buffer.from(`Message-ID: <${name}@x>\r\nSubject: ${name}\r\n\r\nbody of ${name}\r\n`);

/** Messages `from`..`from + count - 1` that came whole, every third starred, and the bytes of TOP'd `t1`..`t<topped>`. */
function batch(accountId: string, inbox: number, from: number, count: number, topped = 0): Pop3WriteBatch {
  return {
    accountId,
    inbox,
    now: 1_700_000_000_000 + from,
    bodies: Array.from({ length: topped }, (_, i) => ({ uidl: `t${i + 1}`, raw: source(`t${i + 1}`) })),
    whole: Array.from({ length: count }, (_, i) => ({
      uidl: `u${from + i}`,
      headerHash: `h${from + i}`,
      row: headerRow(
        inbox,
        headerRecord(0, {
          messageId: `<u${from + i}@x>`,
          subject: `message ${from + i}`,
          flags: { seen: (from + i) % 2 === 0, flagged: (from + i) % 3 === 0, answered: false, draft: false },
        }),
      ),
      raw: source(`u${from + i}`),
    })),
  };
}

/** Everything a download leaves in the store, in a form two stores can be compared by. */
function contents(store: Store, inbox: number) {
  const all = (sql: string) => store.db.prepare(sql).all(inbox);
  return {
    messages: all(
      `SELECT id, uid, message_id, subject, from_json, to_json, cc_json, date, size, seen, flagged, answered, draft,
         keywords, has_attachments, thread_key, in_reply_to, bodystructure, addresses_omitted, thread_refs, gmail_labels
       FROM messages WHERE mailbox_id = ? ORDER BY uid`,
    ),
    uidls: all(
      `SELECT p.uidl, p.message_row, p.header_hash, p.downloaded_at FROM pop3_messages p
       JOIN messages m ON m.id = p.message_row WHERE m.mailbox_id = ? ORDER BY p.uidl`,
    ),
    bytes: (
      all(
        `SELECT r.message_row, r.raw FROM pop3_raw r JOIN messages m ON m.id = r.message_row
         WHERE m.mailbox_id = ? ORDER BY r.message_row`,
      ) as { message_row: number; raw: Buffer }[]
    ).map((r) => [r.message_row, r.raw.toString()]),
    counts: all('SELECT message_count, unread_count, flagged_count FROM mailboxes WHERE id = ?'),
  };
}

/** How many times each UIDL is recorded, and each Message-ID stored, at most. */
function mostTimesStored(store: Store): { uidl: number; message: number } {
  const most = (sql: string) => (store.db.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    uidl: most('SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM pop3_messages GROUP BY account_id, uidl)'),
    message: most('SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM messages GROUP BY message_id)'),
  };
}

describe('the POP3 writer thread', () => {
  it('stores a batch as the main connection does: rows, UIDLs, bytes and counts alike', async () => {
    const onThread = pop3Store(3);
    const onMain = pop3Store(3);
    for (const [from, count, topped] of [
      [1, 200, 3],
      [201, 150, 0],
    ] as const) {
      const ids = await onThread.store.pop3Writer.store(batch(onThread.accountId, onThread.inbox, from, count, topped));
      // answered by the thread itself, not left to the caller
      expect(ids).toHaveLength(count);
      expect(onMain.store.pop3.storeDownloaded(batch(onMain.accountId, onMain.inbox, from, count, topped))).toEqual(
        ids,
      );
    }
    const stored = contents(onThread.store, onThread.inbox);
    expect(stored).toEqual(contents(onMain.store, onMain.inbox));
    expect(stored.messages).toHaveLength(353);
    expect(stored.bytes).toHaveLength(353);
    // the TOP'd messages' bytes went under their rows, the others came with theirs, after them
    expect(stored.bytes[0]![1]).toBe(source('t1').toString());
    expect(stored.bytes.at(-1)![1]).toBe(source('u350').toString());
    // the Inbox's counts kept by each batch: 3 TOP'd and 175 of the others unread, every third starred
    expect(stored.counts).toEqual([{ message_count: 353, unread_count: 178, flagged_count: 116 }]);
  });

  it('sends the bytes in one buffer of their own: the batch keeps its buffers, and no pool neighbour goes along', async () => {
    const { store, accountId, inbox } = pop3Store();
    const b = batch(accountId, inbox, 1, 50);
    // what the client hands over shares its memory with other buffers
    expect(b.whole[0]!.raw.buffer.byteLength).toBeGreaterThan(b.whole[0]!.raw.length);
    const ids = await store.pop3Writer.store(b);
    expect(ids).toHaveLength(50);
    // still there, for the main connection should the thread not have written it
    expect(b.whole.map((w) => w.raw.toString())).toEqual(
      Array.from({ length: 50 }, (_, i) => source(`u${i + 1}`).toString()),
    );
    expect(store.pop3.raw(ids![49]!)?.toString()).toBe(source('u50').toString());
  });

  it("refuses a batch whose Inbox is not its account's (its keys are off): null, and nothing of it stored", async () => {
    const { store, accountId, inbox } = pop3Store();
    const other = store.accounts.insert({ ...testAccountSettings, email: 'other@example.test' }, Buffer.from('x'));
    store.pop3.register(other.id, { host: 'pop.example.test', port: 995, security: 'tls' });
    expect(await store.pop3Writer.store(batch(accountId, inbox + 99, 1, 10))).toBeNull();
    expect(await store.pop3Writer.store(batch(other.id, inbox, 1, 10))).toBeNull();
    expect(contents(store, inbox).messages).toHaveLength(0);
    // and writes the next one
    expect(await store.pop3Writer.store(batch(accountId, inbox, 1, 10))).toHaveLength(10);
  });

  it('answers null when no thread can start, and the repo writes the batch on the main connection', async () => {
    const { store, accountId, inbox } = pop3Store(2);
    const logged: string[] = [];
    const writer = new Pop3Writer(store.db.name, (line) => logged.push(line), '/nowhere/better-sqlite3');
    cleanup.push(() => writer.close());
    expect(await writer.store(batch(accountId, inbox, 1, 10))).toBeNull();
    expect(logged.join('\n')).toMatch(/POP3 writer thread failed/);

    const repo = new Pop3Repo(store.db, undefined, undefined, writer);
    const ids = await repo.storeDownloadedElsewhere(batch(accountId, inbox, 1, 120, 2));
    expect(ids).toHaveLength(120);
    expect(contents(store, inbox).bytes).toHaveLength(122);
    expect(mostTimesStored(store)).toEqual({ uidl: 1, message: 1 });
  });

  it('closed with batches on their way: the main connection writes them, each message once, ids in order', async () => {
    const { store, accountId, inbox } = pop3Store();
    const batches = [1, 201, 401].map((from) => batch(accountId, inbox, from, 200));
    const writes = batches.map((b) => store.pop3.storeDownloadedElsewhere(b));
    // the thread still has the batches queued, and may commit some before it reads its close
    store.pop3Writer.close();
    const ids = await Promise.all(writes);
    expect(ids.map((i) => i.length)).toEqual([200, 200, 200]);
    const stored = contents(store, inbox);
    expect(stored.messages).toHaveLength(600);
    expect(mostTimesStored(store)).toEqual({ uidl: 1, message: 1 });
    // every id answered is the row its UIDL points at
    const rowOf = new Map(
      (stored.uidls as { uidl: string; message_row: number }[]).map((u) => [u.uidl, u.message_row]),
    );
    batches.forEach((b, n) => expect(ids[n]).toEqual(b.whole.map((w) => rowOf.get(w.uidl))));
    expect(stored.counts).toEqual([{ message_count: 600, unread_count: 300, flagged_count: 200 }]);
  });

  it('writes a batch again after a thread committed it unanswered: nothing twice, the stored rows answered in order', async () => {
    const { store, accountId, inbox } = pop3Store();
    const b = batch(accountId, inbox, 1, 100);
    const first = await store.pop3Writer.store(b);
    // as if the thread had gone between its commit and its answer
    const repo = new Pop3Repo(store.db, undefined, undefined, { warmUp: () => undefined, store: async () => null });
    // and one of them deleted here meanwhile: answered null in its place, the rest in order
    store.db.prepare('DELETE FROM messages WHERE id = ?').run(first![1]);
    expect(await repo.storeDownloadedElsewhere(b)).toEqual([first![0], null, ...first!.slice(2)]);
    expect(contents(store, inbox).messages).toHaveLength(99);
    expect(mostTimesStored(store)).toEqual({ uidl: 1, message: 1 });
  });

  it('starts ahead of a download, stays while one runs, however long between batches, and ends once idle after', async () => {
    const { store, accountId, inbox } = pop3Store();
    const writer = store.pop3Writer;
    // warmed up and no download after all: it ends like an idle one
    writer.warmUp();
    expect(writer.threadRunning).toBe(true);
    await expect.poll(() => writer.threadRunning, { timeout: 5_000 }).toBe(false);
    writer.warmUp();
    writer.begin();
    expect(writer.threadRunning).toBe(true);
    await writer.store(batch(accountId, inbox, 1, 10));
    await new Promise((resolve) => setTimeout(resolve, POP3_WRITER_IDLE_CLOSE_MS + 200));
    expect(writer.threadRunning).toBe(true);
    expect(writer.end()).toBe(true);
    await expect.poll(() => writer.threadRunning, { timeout: 5_000 }).toBe(false);
    // the next download starts another
    expect(await writer.store(batch(accountId, inbox, 11, 10))).toHaveLength(10);
  });
});
