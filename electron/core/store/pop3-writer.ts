// The whole messages of a POP3 download are written by a worker thread on its own SQLite
// connection, so the main thread reads and parses the next RETRs while the last batch is
// written: writing 10,000 messages (rows, UIDLs and bytes) took a third of a second of the main
// thread, during which the server, a few replies ahead at most, sat idle.
//
// Like the header writer (header-writer.ts) the thread runs plain JavaScript given as a string,
// with the one row-writing function shared with the main connection (header-rows.ts). Whatever
// keeps it from working makes the caller write on the main connection: write answers null when
// the thread cannot start, dies, or its write fails, and nothing of that batch is stored then.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AccountId, MailboxId, MessageId } from '../../../shared/domain';
import { HEADER_SQL, writeHeaderRows, type HeaderRow } from './header-rows';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const writeHeaderRows = ${writeHeaderRows.toString()};
const db = new Database(workerData.dbPath);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('secure_delete = FAST');
const statements = {
  insert: db.prepare(workerData.sql.insert),
  refresh: db.prepare(workerData.sql.refresh),
  counts: db.prepare(workerData.sql.counts),
};
const topUid = db.prepare('SELECT COALESCE(MAX(uid), 0) AS uid FROM messages WHERE mailbox_id = ?');
const record = db.prepare(
  'INSERT INTO pop3_messages (account_id, uidl, message_row, header_hash, downloaded_at) VALUES (?, ?, ?, ?, ?)',
);
const rowOf = db.prepare('SELECT message_row FROM pop3_messages WHERE account_id = ? AND uidl = ?');
const raw = db.prepare('INSERT OR REPLACE INTO pop3_raw (message_row, raw) VALUES (?, ?)');
const write = db.transaction((m) => {
  // every message's bytes, one after another in one transferred buffer: each a view, not a copy
  const packed = Buffer.from(m.packed);
  let at = 0;
  const next = (length) => packed.subarray(at, (at += length));
  for (const b of m.bodies) {
    const bytes = next(b.length);
    const found = rowOf.get(m.accountId, b.uidl);
    // deleted here while its body was on the way: nothing to keep it for
    if (found && found.message_row !== null) raw.run(found.message_row, bytes);
  }
  let uid = topUid.get(m.inbox).uid;
  for (const w of m.whole) w.row[1] = ++uid;
  const ids = writeHeaderRows(statements, m.inbox, m.whole.map((w) => w.row));
  m.whole.forEach((w, i) => {
    record.run(m.accountId, w.uidl, ids[i], w.headerHash, m.now);
    raw.run(ids[i], next(w.length));
  });
  return ids;
});
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: m.id, ids: write.immediate(m) });
  } catch (error) {
    parentPort.postMessage({ id: m.id, error: String((error && error.message) || error) });
  }
});
`;

/** One transaction's worth of a download: bytes for rows already stored, and messages that came whole. */
export interface Pop3WriteBatch {
  accountId: AccountId;
  inbox: MailboxId;
  now: number;
  bodies: { uidl: string; raw: Buffer }[];
  /** The row's uid (index 1) is given by the writer, after the Inbox's highest. */
  whole: { uidl: string; headerHash: string; row: HeaderRow; raw: Buffer }[];
}

type Reply = { id: number; ids: MessageId[] } | { id: number; error: string };

function sqliteModulePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

/** Looked up once, when the first thread starts. */
let sqliteModule: string | null | undefined;

export class Pop3Writer {
  private worker: Worker | null = null;
  private unusable = false;
  private nextId = 0;
  private readonly waiting = new Map<number, (ids: MessageId[] | null) => void>();

  /** `moduleOverride`: where the thread loads better-sqlite3 from (tests: a place it is not). */
  constructor(
    private readonly dbPath: string,
    private readonly log?: (message: string) => void,
    private readonly moduleOverride?: string,
  ) {}

  /**
   * Writes the batch in one transaction; the ids of its whole messages' new rows, in order, or
   * null when the thread could not write it (then nothing of it is stored: the caller writes it).
   * The batch is copied to the thread at once; batches are written in the order given.
   */
  write(batch: Pop3WriteBatch): Promise<MessageId[] | null> {
    const worker = this.start();
    if (!worker) return Promise.resolve(null);
    const id = ++this.nextId;
    const answer = new Promise<MessageId[] | null>((resolve) => this.waiting.set(id, resolve));
    // One buffer for all the batch's bytes, moved to the thread, not cloned: cloning thousands of
    // small buffers one by one cost the main thread more than the copy into one. The batch keeps
    // its own buffers, for the caller to write should the thread not.
    const raws = [...batch.bodies.map((b) => b.raw), ...batch.whole.map((w) => w.raw)];
    const packed = Buffer.allocUnsafeSlow(raws.reduce((sum, r) => sum + r.length, 0));
    let at = 0;
    for (const r of raws) at += r.copy(packed, at);
    worker.postMessage(
      {
        id,
        accountId: batch.accountId,
        inbox: batch.inbox,
        now: batch.now,
        bodies: batch.bodies.map((b) => ({ uidl: b.uidl, length: b.raw.length })),
        whole: batch.whole.map((w) => ({ uidl: w.uidl, headerHash: w.headerHash, row: w.row, length: w.raw.length })),
        packed: packed.buffer,
      },
      [packed.buffer],
    );
    return answer;
  }

  /** Stops the thread; a batch still being written is answered null. */
  close(): void {
    this.unusable = true;
    const worker = this.worker;
    this.worker = null;
    this.settleAll();
    worker?.postMessage('close');
  }

  private start(): Worker | null {
    if (this.unusable) return null;
    if (this.worker) return this.worker;
    const module =
      this.moduleOverride ?? (sqliteModule === undefined ? (sqliteModule = sqliteModulePath()) : sqliteModule);
    if (!module) return this.giveUp('POP3 writer: better-sqlite3 cannot be located for a thread');
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { dbPath: this.dbPath, sqliteModule: module, sql: HEADER_SQL },
      });
      // Never what keeps the process alive.
      worker.unref();
      worker.on('message', (reply: Reply) => this.receive(reply));
      worker.on('error', (error) => this.giveUp(`POP3 writer thread failed: ${error.message}`));
      worker.on('exit', () => this.giveUp(null));
      this.worker = worker;
      return worker;
    } catch (error) {
      return this.giveUp(`POP3 writer thread could not start: ${(error as Error).message}`);
    }
  }

  private receive(reply: Reply): void {
    const resolve = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('error' in reply) {
      this.log?.(`POP3 writer: ${reply.error}; writing on the main connection`);
      resolve?.(null);
    } else resolve?.(reply.ids);
  }

  /** From now on every batch is the caller's to write. */
  private giveUp(reason: string | null): null {
    if (reason && !this.unusable) this.log?.(reason);
    this.unusable = true;
    this.worker = null;
    this.settleAll();
    return null;
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
