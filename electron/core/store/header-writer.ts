// Large batches of header sync are written by a worker thread on its own SQLite connection, so
// the main thread parses the next FETCH while the last one is written, and nothing else that
// runs there (the UI's requests) waits behind a thousand-row insert. Measured against a bare
// imapflow fetch, 5 alternating rounds each on one mail bed: a median ratio of 0.85 with the
// thread, 0.72 without.
//
// The thread runs plain JavaScript given as a string (no build step has to know a second entry
// point), with the one batch-writing function shared with the main connection (header-rows.ts).
// Whatever keeps it from working (it cannot start, it dies, a write fails) makes write() answer
// null, and the caller writes the batch on the main connection as before: a failure that is
// real (a full disk) then shows there, with its usual error.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { MailboxId, MessageId } from '../../../shared/domain';
import { HEADER_SQL, headerRow, writeHeaderRows } from './header-rows';
import { SYNC_STATE_SQL, syncStateParams, type MailboxSyncState } from './mailboxes-repo';
import type { HeaderRecord } from './messages-repo';

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
const syncState = db.prepare(workerData.sql.syncState);
const write = db.transaction((batch) => {
  const ids = writeHeaderRows(statements, batch.mailboxId, batch.rows);
  syncState.run(batch.syncState);
  return ids;
});
parentPort.on('message', (batch) => {
  if (batch === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: batch.id, ids: write.immediate(batch) });
  } catch (error) {
    parentPort.postMessage({ id: batch.id, error: String((error && error.message) || error) });
  }
});
`;

/** Batches smaller than this are written on the main connection: a thread is not worth it. */
export const WRITER_MIN_ROWS = 200;

type Reply = { id: number; ids: MessageId[] } | { id: number; error: string };

/** Where better-sqlite3 is, for the thread's require(); null when it cannot be told here. */
function sqliteModulePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

/** Looked up once, when the first thread starts: not on every store opened. */
let sqliteModule: string | null | undefined;

export class HeaderWriter {
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
   * Writes the batch and the mailbox's sync state in one transaction on the writer's connection.
   * Resolves with the ids of the batch's rows, or null when the caller must write it itself.
   */
  write(
    mailboxId: MailboxId,
    records: readonly HeaderRecord[],
    syncState: MailboxSyncState,
  ): Promise<MessageId[] | null> {
    const worker = this.start();
    if (!worker) return Promise.resolve(null);
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({
        id,
        mailboxId,
        rows: records.map((record) => headerRow(mailboxId, record)),
        syncState: syncStateParams(mailboxId, syncState),
      });
    });
  }

  /** Stops the thread; a batch still being written is answered null (and written by its caller, if still wanted). */
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
    if (!module) return this.giveUp('header writer: better-sqlite3 cannot be located for a thread');
    try {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          dbPath: this.dbPath,
          sqliteModule: module,
          sql: { ...HEADER_SQL, syncState: SYNC_STATE_SQL },
        },
      });
      // Never what keeps the process alive.
      worker.unref();
      worker.on('message', (reply: Reply) => this.receive(reply));
      worker.on('error', (error) => this.giveUp(`header writer thread failed: ${error.message}`));
      worker.on('exit', () => this.giveUp(null));
      this.worker = worker;
      return worker;
    } catch (error) {
      return this.giveUp(`header writer thread could not start: ${(error as Error).message}`);
    }
  }

  private receive(reply: Reply): void {
    const resolve = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('error' in reply) {
      this.log?.(`header writer: ${reply.error}; writing on the main connection`);
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
