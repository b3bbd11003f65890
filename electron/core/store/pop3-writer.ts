// A POP3 download's batches written by a worker thread on its own SQLite connection, so the main
// thread reads the next RETRs while the last batch is stored, and the UI's requests never wait
// behind a batch (inserting the rows and the bytes of 200 messages, and committing them, was two
// thirds of what a download cost the main thread beyond reading the replies). The thread also
// runs the session's one checkpoint (Pop3Repo.withOneCheckpoint) before it ends.
//
// As store/header-writer.ts, the thread runs plain JavaScript given as a string (no build has to
// know a second entry point) with the one batch-writing function the main connection uses too
// (pop3-batch.ts). A batch's bytes travel packed in one buffer that is moved, not copied, to the
// thread. Nothing is lost when the thread fails: a batch it could not write is answered with an
// error and written on the main connection instead (Pop3Repo.openBatchWriter), where a failure
// that is real (a full disk) shows with its usual error. A batch the thread committed but could
// not answer is refused there by pop3_messages' key, so no message is stored twice.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { MessageId } from '../../../shared/domain';
import { HEADER_SQL, writeHeaderRows, type HeaderRow } from './header-rows';
import { POP3_BATCH_SQL, writePop3Batch, type Pop3WriteBatch } from './pop3-batch';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const writeHeaderRows = ${writeHeaderRows.toString()};
const writePop3Batch = ${writePop3Batch.toString()};
const db = new Database(workerData.dbPath);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
// Off on this connection alone: a batch inserts only rows whose parent row it just wrote or
// read in the same transaction, and checking each cost a fifth of writing a message (10,000:
// 250 ms against 200 ms of CPU). Deletes, which the keys cascade, happen on other connections.
db.pragma('foreign_keys = OFF');
db.pragma('secure_delete = FAST');
// the session checkpoints once, when it ends (message 'finish')
db.pragma('wal_autocheckpoint = 0');
const sql = workerData.sql;
const statements = {
  rowOfUidl: db.prepare(sql.rowOfUidl),
  topUid: db.prepare(sql.topUid),
  record: db.prepare(sql.record),
  raw: db.prepare(sql.raw),
  header: { insert: db.prepare(sql.insert), refresh: db.prepare(sql.refresh), counts: db.prepare(sql.counts) },
};
const write = db.transaction((batch) => writePop3Batch(statements, writeHeaderRows, batch));
parentPort.on('message', (message) => {
  if (message.type === 'finish') {
    let error;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      error = String((e && e.message) || e);
    }
    db.close();
    parentPort.postMessage({ id: message.id, ids: [], error });
    parentPort.close();
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
  try {
    parentPort.postMessage({ id: message.id, ids: write.immediate(batch) });
  } catch (e) {
    parentPort.postMessage({ id: message.id, error: String((e && e.message) || e) });
  }
});
`;

type Reply = { id: number; ids: MessageId[]; error?: string };

/** Where better-sqlite3 is, for the thread's require(); null when it cannot be told here. */
function sqliteModulePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

/** Looked up once, when the first thread starts. */
let sqliteModule: string | null | undefined;

/** Where a message's bytes are in a batch's packed buffer. */
interface Packed {
  at: number;
  length: number;
}

export class Pop3Writer {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (ids: MessageId[]) => void; reject: (e: Error) => void }>();
  private gone: Error | null = null;
  private finished: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('error', (error) => this.end(new Error(`the POP3 writer thread failed: ${error.message}`)));
    worker.on('exit', () => this.end(new Error('the POP3 writer thread ended')));
  }

  /** A thread writing into the database file `dbPath`, or null when none can start. */
  static open(dbPath: string, moduleOverride?: string): Pop3Writer | null {
    const module = moduleOverride ?? (sqliteModule === undefined ? (sqliteModule = sqliteModulePath()) : sqliteModule);
    if (!module) return null;
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { dbPath, sqliteModule: module, sql: { ...HEADER_SQL, ...POP3_BATCH_SQL } },
      });
      // never what keeps the process alive
      worker.unref();
      return new Pop3Writer(worker);
    } catch {
      return null;
    }
  }

  /** Writes `batch` in one transaction on the thread; the ids of its whole messages' rows. Rejects if it could not. */
  store(batch: Pop3WriteBatch): Promise<MessageId[]> {
    if (this.gone) return Promise.reject(this.gone);
    // the bytes leave in one buffer, moved to the thread: the replies' own buffers are mostly
    // slices of a shared pool, which the thread would otherwise receive a copy of, whole
    let total = 0;
    for (const m of batch.bodies) total += m.raw.length;
    for (const m of batch.whole) total += m.raw.length;
    const pack = new Uint8Array(total);
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
    return this.send(
      { accountId: batch.accountId, inbox: batch.inbox, now: batch.now, bodies, whole, pack: pack.buffer },
      [pack.buffer],
    );
  }

  /** Checkpoints once (what the download held back) and ends the thread, once every batch is written. */
  finish(): Promise<void> {
    this.finished ??= this.gone
      ? Promise.resolve()
      : this.send({ type: 'finish' }).then(
          () => undefined,
          () => undefined,
        );
    return this.finished;
  }

  /** Ends the thread at once; batches not yet answered are rejected. */
  close(): void {
    this.end(new Error('the POP3 writer thread was closed'));
    void this.worker.terminate();
  }

  private send(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<MessageId[]> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private receive(reply: Reply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (!waiting) return;
    if (reply.error) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.ids);
  }

  private end(error: Error): void {
    this.gone ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
