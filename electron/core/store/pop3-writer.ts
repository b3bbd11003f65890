// A POP3 download's batches written by a worker thread on its own SQLite connection, so the
// engine's thread goes on taking the server's replies and sending RETRs while the last batch is
// stored: inserting a batch's rows, UIDLs and bytes and committing them was most of what a
// download cost that thread beyond reading the replies, and no reply was read meanwhile.
//
// As the header writer (header-writer.ts), the thread runs plain JavaScript given as a string,
// with the one batch-writing function the main connection uses too (pop3-batch.ts), and its life
// is writer-thread.ts's: started when a download begins (Pop3Repo.withOneCheckpoint's warm-up),
// kept while downloads run, ended once idle after. A batch's bytes travel packed in one buffer
// that is moved, not copied, to the thread: the replies are mostly views into a shared pool of
// Node's, which postMessage would copy whole for each of them. Whatever keeps the thread from
// writing a batch answers null, and the caller writes that batch on the main connection
// (Pop3Repo.storeDownloadedElsewhere).
//
// The thread's connection never checkpoints in a commit: a download copies the log once, when it
// ends, here (checkpoint), so each batch's commit stays short and the index pages every batch
// touches are written into the database file once.
//
// What it bought, measured on the bench's 10,000 messages (figure p, docs/testing.md): a third
// of the main thread's CPU (575 → 394 ms, medians) and every stretch of a batch's length in which
// it took nothing else, for ~100 ms more CPU in all. On two cores shared with the server and other
// work the download's wall time stayed the same (only single rounds in the quietest moments were
// faster than any before: 0.61 s against 0.67 s at best).
import type { MessageId } from '../../../shared/domain';
import { HEADER_SQL, writeHeaderRows, type HeaderRow } from './header-rows';
import { POP3_BATCH_SQL, writePop3Batch, type Pop3WriteBatch } from './pop3-batch';
import type { Pop3BatchWriter } from './pop3-repo';
import { WriterThread, writerConnectionSource } from './writer-thread';

// Foreign keys are off on this connection alone, which only ever runs write() below: each of a
// batch's rows hangs off the batch's Inbox (checked once, first) or off a row written or read in
// the same transaction, so SQLite's four checks per message would find nothing. They cost ~2.5 µs
// of the thread's ~30 a message (10,000 messages written through it, four alternating runs:
// medians 305 ms with them, 280 without).
const WORKER_SOURCE = `${writerConnectionSource({ foreignKeys: false, autocheckpoint: false })}
const writeHeaderRows = ${writeHeaderRows.toString()};
const writePop3Batch = ${writePop3Batch.toString()};
const sql = workerData.sql;
const statements = {
  rowOfUidl: db.prepare(sql.rowOfUidl),
  topUid: db.prepare(sql.topUid),
  recordUidl: db.prepare(sql.recordUidl),
  replaceRaw: db.prepare(sql.replaceRaw),
  insertRaw: db.prepare(sql.insertRaw),
  header: { insert: db.prepare(sql.insert), refresh: db.prepare(sql.refresh), counts: db.prepare(sql.counts) },
};
const inboxOf = db.prepare(sql.inboxOf);
const write = db.transaction((batch) => {
  // the Inbox gone with its account (removed meanwhile): the main connection, whose keys are on, says so
  if (!inboxOf.get(batch.inbox, batch.accountId)) throw new Error('the account or its Inbox is gone');
  return writePop3Batch(statements, writeHeaderRows, batch);
});
parentPort.on('message', (message) => {
  if (message === 'close') return close();
  if (message === 'checkpoint') {
    checkpoint();
    return;
  }
  const pack = Buffer.from(message.pack);
  const bytes = (m) => pack.subarray(m.at, m.at + m.length);
  const batch = {
    accountId: message.accountId,
    inbox: message.inbox,
    now: message.now,
    bodies: message.bodies.map((m) => ({ uidl: m.uidl, raw: bytes(m) })),
    whole: message.whole.map((m) => ({ uidl: m.uidl, headerHash: m.headerHash, row: m.row, raw: bytes(m) })),
  };
  answer(message.id, () => write.immediate(batch));
});
`;

/**
 * The thread ends once no download has run and no batch waited for this long: kept, it holds its
 * own V8 heap and SQLite cache in the engine's memory; the next download starts another in tens
 * of ms, while its first screenfuls of headers come in.
 */
export const POP3_WRITER_IDLE_CLOSE_MS = 500;

type Reply = { id: number; ids: MessageId[] } | { id: number; error: string };

/** Where a message's bytes are in a batch's packed buffer. */
interface Packed {
  at: number;
  length: number;
}

export class Pop3Writer implements Pop3BatchWriter {
  private readonly thread: WriterThread<Reply>;
  /** A download is under way (begin to end): the thread is kept though no batch waits. */
  private downloading = false;

  /** `moduleOverride`: where the thread loads better-sqlite3 from (tests: a place it is not). */
  constructor(dbPath: string, log?: (message: string) => void, moduleOverride?: string) {
    this.thread = new WriterThread<Reply>({
      name: 'POP3 writer',
      source: WORKER_SOURCE,
      data: {
        sql: { ...HEADER_SQL, ...POP3_BATCH_SQL, inboxOf: 'SELECT 1 FROM mailboxes WHERE id = ? AND account_id = ?' },
      },
      dbPath,
      idleCloseMs: POP3_WRITER_IDLE_CLOSE_MS,
      log,
      moduleOverride,
      busy: () => this.downloading,
    });
  }

  /** Whether a thread is running now (tests: that an idle one ended). */
  get threadRunning(): boolean {
    return this.thread.running;
  }

  /**
   * A download is about to begin: the thread loads its SQLite while the server answers UIDL and
   * LIST and the newest headers come in. Measured in bench runs, a thread started only when the
   * bodies began kept the first batch waiting for it. Ends like an idle one should no batch follow.
   */
  warmUp(): void {
    this.thread.use();
    this.thread.closeWhenIdle();
  }

  /**
   * Downloads begin: the thread starts now (loading its SQLite takes a while), so it is there when
   * the first batch is, and stays until end().
   */
  begin(): void {
    this.downloading = true;
    this.thread.use();
  }

  /**
   * The last download ended: copies the log into the database file on the thread, after every
   * batch it was given, and lets the thread end once idle. False when there is no thread: the
   * caller copies it.
   */
  end(): boolean {
    this.downloading = false;
    const worker = this.thread.use();
    worker?.postMessage('checkpoint');
    this.thread.closeWhenIdle();
    return worker !== null;
  }

  /** Writes `batch` in one transaction on the thread: the ids of its whole messages' rows, or null (not written). */
  store(batch: Pop3WriteBatch): Promise<MessageId[] | null> {
    const worker = this.thread.use();
    if (!worker) return Promise.resolve(null);
    let total = 0;
    for (const m of batch.bodies) total += m.raw.length;
    for (const m of batch.whole) total += m.raw.length;
    // the batch keeps its own buffers, for the main connection should the thread not write it
    // a buffer of its own, never one of the pool (moving that would take it from every other
    // buffer in it), and not zeroed first: every byte of it is copied into
    const pack = Buffer.allocUnsafeSlow(total);
    let at = 0;
    const place = (raw: Buffer): Packed => {
      pack.set(raw, at);
      at += raw.length;
      return { at: at - raw.length, length: raw.length };
    };
    const bodies = batch.bodies.map((m) => ({ uidl: m.uidl, ...place(m.raw) }));
    const whole = batch.whole.map((m): { uidl: string; headerHash: string; row: HeaderRow } & Packed => ({
      uidl: m.uidl,
      headerHash: m.headerHash,
      row: m.row,
      ...place(m.raw),
    }));
    const id = this.thread.newId();
    const answer = this.thread.answer(id);
    worker.postMessage(
      { id, accountId: batch.accountId, inbox: batch.inbox, now: batch.now, bodies, whole, pack: pack.buffer },
      [pack.buffer],
    );
    return answer.then((reply) => (reply && 'ids' in reply ? reply.ids : null));
  }

  /** Stops the thread; a batch still out is answered null (and written by its caller). */
  close(): void {
    this.thread.close();
  }
}
