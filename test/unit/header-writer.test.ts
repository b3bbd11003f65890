// The header writer thread (store/header-writer.ts) on a real SQLite file: what it writes is what
// the main connection reads, counts and sync state included; a repeated batch is never
// duplicated; whatever goes wrong answers null so the caller writes the batch itself; and the
// main connection's transactions keep working while the thread commits.
import { describe, expect, it } from 'vitest';
import { headerRow } from '../../electron/core/store/header-rows';
import { HeaderWriter, WRITER_IDLE_CLOSE_MS } from '../../electron/core/store/header-writer';
import type { MailboxSyncState } from '../../electron/core/store/mailboxes-repo';
import type { HeaderRecord } from '../../electron/core/store/messages-repo';
import type { Store } from '../../electron/core/store/store';
import { headerRecord } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

function openStore() {
  const { store } = openTempStore(cleanup, 'mail-writer-');
  return { store, inbox: addTestAccount(store).box('INBOX') };
}

/** `count` headers with UIDs from `first` up; every fourth one read, every fifth one starred. */
function headers(
  first: number,
  count: number,
  seen = (uid: number) => uid % 4 === 0,
  flagged = (uid: number) => uid % 5 === 0,
): HeaderRecord[] {
  return Array.from({ length: count }, (_, i) =>
    headerRecord(first + i, {
      date: 1_700_000_000_000 + (first + i) * 1000,
      flags: { seen: seen(first + i), flagged: flagged(first + i), answered: false, draft: false },
    }),
  );
}

const synced = (low: number, high: number): MailboxSyncState => ({
  uidValidity: '7',
  highestModseq: null,
  uidNext: high + 1,
  syncedHighUid: high,
  syncedLowUid: low,
});

/** A whole batch at once: streamed, then committed with its sync state (null: the caller writes it). */
async function writeBatch(
  writer: HeaderWriter,
  mailboxId: number,
  records: readonly HeaderRecord[],
  syncState: MailboxSyncState,
): Promise<number[] | null> {
  const batch = writer.openBatch(mailboxId);
  if (!batch) return null;
  for (const record of records) batch.add(record);
  return batch.commit(syncState);
}

const counted = (store: Store, mailboxId: number) =>
  store.db
    .prepare('SELECT COUNT(*) AS total, COALESCE(SUM(seen = 0), 0) AS unread FROM messages WHERE mailbox_id = ?')
    .get(mailboxId) as { total: number; unread: number };

/** The starred count the mailbox row keeps, beside the starred rows counted. */
const starred = (store: Store, mailboxId: number) => ({
  kept: store.db.prepare('SELECT flagged_count FROM mailboxes WHERE id = ?').pluck().get(mailboxId),
  counted: store.db
    .prepare('SELECT COUNT(*) FROM messages WHERE mailbox_id = ? AND flagged = 1')
    .pluck()
    .get(mailboxId),
});

describe('the header writer thread', () => {
  it('says when it writes no batch, so a write of the user waits as a promise, not in the busy handler', async () => {
    const { store, inbox } = openStore();
    await expect(store.headerWriter.idle()).resolves.toBeUndefined();
    const batch = store.headerWriter.openBatch(inbox.id)!;
    for (const record of headers(1, 300)) batch.add(record);
    const written = batch.commit(synced(1, 300));
    // idle only once the thread has committed: the rows are there when it resolves
    const storedWhenIdle = store.headerWriter.idle().then(() => counted(store, inbox.id).total);
    expect(counted(store, inbox.id).total).toBe(0);
    await expect(storedWhenIdle).resolves.toBe(300);
    await expect(written).resolves.toHaveLength(300);
    await expect(store.headerWriter.idle()).resolves.toBeUndefined();
  });

  it('writes a batch, its counts and its sync state where the main connection reads them', async () => {
    const { store, inbox } = openStore();
    const ids = await writeBatch(store.headerWriter, inbox.id, headers(1, 300), synced(1, 300));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(store.messages.count(inbox.id)).toBe(300);
    const box = store.mailboxes.get(inbox.id)!;
    expect(box.sync).toMatchObject({ syncedLowUid: 1, syncedHighUid: 300, uidValidity: '7' });
    expect({ total: box.total, unread: box.unread }).toEqual(counted(store, inbox.id));
    expect(counted(store, inbox.id)).toEqual({ total: 300, unread: 225 });
    expect(starred(store, inbox.id)).toEqual({ kept: 60, counted: 60 });
    // the window the list paints shows the newest first, from the main connection
    expect(store.messages.window(inbox.id, 0, 2).map((row) => row.uid)).toEqual([300, 299]);
  });

  it('never duplicates a UID written again: same ids, the new flags, counts still right', async () => {
    const { store, inbox } = openStore();
    const first = await writeBatch(store.headerWriter, inbox.id, headers(1, 250), synced(1, 250));
    const again = await writeBatch(
      store.headerWriter,
      inbox.id,
      headers(
        1,
        250,
        () => true,
        (uid) => uid % 2 === 0,
      ),
      synced(1, 250),
    );
    expect(again).toEqual(first);
    expect(counted(store, inbox.id)).toEqual({ total: 250, unread: 0 });
    expect(starred(store, inbox.id)).toEqual({ kept: 125, counted: 125 });
    const box = store.mailboxes.get(inbox.id)!;
    expect({ total: box.total, unread: box.unread }).toEqual({ total: 250, unread: 0 });
  });

  it('answers null for a batch it could not write, and writes the next one', async () => {
    const { store, inbox } = openStore();
    // no such mailbox: the foreign key refuses every row, and nothing of the batch stays
    expect(await writeBatch(store.headerWriter, inbox.id + 99, headers(1, 200), synced(1, 200))).toBeNull();
    expect(counted(store, inbox.id + 99).total).toBe(0);
    expect(await writeBatch(store.headerWriter, inbox.id, headers(1, 200), synced(1, 200))).toHaveLength(200);
  });

  it('answers null when its thread cannot start (the caller writes instead)', async () => {
    const { store, inbox } = openStore();
    const logged: string[] = [];
    const writer = new HeaderWriter(store.db.name, (line) => logged.push(line), '/nowhere/better-sqlite3');
    expect(await writeBatch(writer, inbox.id, headers(1, 200), synced(1, 200))).toBeNull();
    expect(await writeBatch(writer, inbox.id, headers(1, 200), synced(1, 200))).toBeNull();
    expect(logged.join('\n')).toMatch(/header writer thread failed/);
    expect(store.messages.count(inbox.id)).toBe(0);
    writer.close();
  });

  it('lets the main connection read and write in transactions while it commits', async () => {
    const { store, inbox } = openStore();
    const batches = Array.from({ length: 6 }, (_, b) =>
      writeBatch(store.headerWriter, inbox.id, headers(1 + b * 1000, 1000), synced(1, (b + 1) * 1000)),
    );
    let transactions = 0;
    const busy = async () => {
      for (let i = 0; i < 50; i++) {
        // read, then write: the pattern that fails with SQLITE_BUSY_SNAPSHOT in a deferred transaction
        store.transaction(() => {
          const { n } = store.db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number };
          store.db.prepare('UPDATE mailboxes SET server_total = ? WHERE id = ?').run(n, inbox.id);
        });
        transactions++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const [written] = await Promise.all([Promise.all(batches), busy()]);
    expect(transactions).toBe(50);
    expect(written.every((ids) => ids?.length === 1000)).toBe(true);
    expect(counted(store, inbox.id).total).toBe(6000);
  });

  it('after close answers null: a batch then goes to the main connection', async () => {
    const { store, inbox } = openStore();
    const writer = new HeaderWriter(store.db.name);
    expect(await writeBatch(writer, inbox.id, headers(1, 200), synced(1, 200))).toHaveLength(200);
    writer.close();
    expect(await writeBatch(writer, inbox.id, headers(201, 200), synced(1, 400))).toBeNull();
  });

  it('keeps the rows of batches streamed side by side apart, and forgets an aborted one', async () => {
    const { store, inbox } = openStore();
    const older = store.headerWriter.openBatch(inbox.id)!;
    const newer = store.headerWriter.openBatch(inbox.id)!;
    const dropped = store.headerWriter.openBatch(inbox.id)!;
    // chunks of the three interleave on their way to the thread
    for (let i = 0; i < 350; i++) {
      older.add(headers(1 + i, 1)[0]!);
      newer.add(headers(1_001 + i, 1)[0]!);
      if (i < 120) dropped.add(headers(5_001 + i, 1)[0]!);
    }
    dropped.abort();
    const newerIds = await newer.commit(synced(1_001, 1_350));
    const olderIds = await older.commit(synced(1, 1_350));
    expect(newerIds).toHaveLength(350);
    expect(olderIds).toHaveLength(350);
    const uidsOf = (ids: number[]) => {
      const uid = new Map(store.messages.get(ids).map((h) => [h.id, h.uid]));
      return ids.map((id) => uid.get(id));
    };
    // the ids come back in the order the rows were added
    expect(uidsOf(newerIds!)).toEqual(Array.from({ length: 350 }, (_, i) => 1_001 + i));
    expect(uidsOf(olderIds!)).toEqual(Array.from({ length: 350 }, (_, i) => 1 + i));
    expect(counted(store, inbox.id).total).toBe(700);
    expect(() => dropped.add(headers(6_000, 1)[0]!)).toThrow(/already committed or aborted/);
  });

  it('answers null for a batch streaming when it closes, and stores none of it', async () => {
    const { store, inbox } = openStore();
    const writer = new HeaderWriter(store.db.name);
    const batch = writer.openBatch(inbox.id)!;
    for (const record of headers(1, 250)) batch.add(record);
    writer.close();
    expect(await batch.commit(synced(1, 250))).toBeNull();
    expect(writer.openBatch(inbox.id)).toBeNull();
    expect(store.messages.count(inbox.id)).toBe(0);
  });

  it('ends its thread once no batch came for a while, and starts another for the next batch', async () => {
    const { store, inbox } = openStore();
    const writer = new HeaderWriter(store.db.name);
    cleanup.push(() => writer.close());
    expect(await writeBatch(writer, inbox.id, headers(1, 200), synced(1, 200))).toHaveLength(200);
    expect(writer.threadRunning).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, WRITER_IDLE_CLOSE_MS * 2 + 200));
    // its heap and its SQLite connection are the engine's memory no longer
    expect(writer.threadRunning).toBe(false);
    expect(await writeBatch(writer, inbox.id, headers(201, 300), synced(1, 500))).toHaveLength(300);
    expect(counted(store, inbox.id)).toEqual({ total: 500, unread: 375 });
  });

  it('ends a thread started only for a checkpoint once it is idle', async () => {
    const { store } = openStore();
    const writer = new HeaderWriter(store.db.name);
    cleanup.push(() => writer.close());
    expect(writer.checkpoint()).toBe(true);
    expect(writer.threadRunning).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, WRITER_IDLE_CLOSE_MS * 2 + 200));
    expect(writer.threadRunning).toBe(false);
  });

  it("takes rows another thread sends on the batch's port, also when the commit gets there first", async () => {
    const { store, inbox } = openStore();
    const batch = store.headerWriter.openBatch(inbox.id)!;
    // an extra connection's thread sends rows 101-400 on the port, this thread adds 1-100
    const port = batch.port();
    for (const record of headers(1, 100)) batch.add(record);
    port.postMessage({ rows: headers(101, 150).map((h) => headerRow(inbox.id, h)) });
    batch.sentElsewhere(300);
    const written = batch.commit(synced(1, 400));
    // the rest arrives after the commit was sent: the thread waits for it rather than write 250
    await new Promise((resolve) => setTimeout(resolve, 50));
    port.postMessage({ rows: headers(251, 150).map((h) => headerRow(inbox.id, h)) });
    expect(await written).toHaveLength(400);
    expect(counted(store, inbox.id)).toEqual({ total: 400, unread: 300 });
    expect(store.mailboxes.get(inbox.id)!.sync).toMatchObject({ syncedLowUid: 1, syncedHighUid: 400 });
    port.close();
  });

  it("forgets an aborted batch's rows, those still coming on its port too", async () => {
    const { store, inbox } = openStore();
    const dropped = store.headerWriter.openBatch(inbox.id)!;
    const port = dropped.port();
    port.postMessage({ rows: headers(1, 100).map((h) => headerRow(inbox.id, h)) });
    dropped.abort();
    port.postMessage({ rows: headers(101, 100).map((h) => headerRow(inbox.id, h)) });
    expect(await writeBatch(store.headerWriter, inbox.id, headers(1_001, 200), synced(1_001, 1_200))).toHaveLength(200);
    expect(counted(store, inbox.id).total).toBe(200);
    expect(() => dropped.port()).toThrow(/already committed or aborted/);
    port.close();
  });

  it("closes a streaming batch's port when it closes, so nothing keeps its thread alive", async () => {
    const { store, inbox } = openStore();
    const writer = new HeaderWriter(store.db.name);
    const batch = writer.openBatch(inbox.id)!;
    const port = batch.port();
    port.postMessage({ rows: headers(1, 10).map((h) => headerRow(inbox.id, h)) });
    const closed = new Promise<void>((resolve) => port.once('close', () => resolve()));
    writer.close();
    // the 'close' event comes once the thread closed its end of the port
    await closed;
    expect(await batch.commit(synced(1, 10))).toBeNull();
  });

  it('keeps its thread while a batch streams, however slowly its FETCH arrives', async () => {
    const { store, inbox } = openStore();
    const writer = new HeaderWriter(store.db.name);
    cleanup.push(() => writer.close());
    expect(await writeBatch(writer, inbox.id, headers(1, 200), synced(1, 200))).toHaveLength(200);
    const batch = writer.openBatch(inbox.id)!;
    for (const record of headers(201, 150)) batch.add(record);
    await new Promise((resolve) => setTimeout(resolve, WRITER_IDLE_CLOSE_MS * 2 + 200));
    expect(writer.threadRunning).toBe(true);
    for (const record of headers(351, 150)) batch.add(record);
    expect(await batch.commit(synced(1, 500))).toHaveLength(300);
    expect(store.messages.count(inbox.id)).toBe(500);
  });
});
