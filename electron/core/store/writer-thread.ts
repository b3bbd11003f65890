// The life of a thread that writes to the mail database on its own SQLite connection, shared by
// the header writer (a sync's batches) and the flag writer (a resync's flag changes):
// - started on first use, with better-sqlite3 required from where this process found it;
// - ended once it has had no work for `idleCloseMs`: a thread kept holds its own V8 heap and its
//   connection's cache (tens of MB of the engine's resident memory after a large sync), and the
//   next piece of work starts another in tens of ms;
// - given up for good when it cannot start, fails or exits: every request then answers null,
//   and the owner writes on the main connection instead;
// - each request answered by the reply with its id, or null.
// What a thread does (its source, its messages) is its owner's.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The start of every writer thread's source: `parentPort`, `workerData` and `db`, the mail database
 * on a connection of the thread's own, set as the main connection is (database.ts) but for the
 * two settings each thread's work decides; and what every thread does with them: `answer(id,
 * write)` replies to request `id` with the ids `write()` returns or with its error, `close()`
 * ends the connection and the thread, and `checkpoint()` copies the log into the database file.
 */
export function writerConnectionSource(settings: {
  /** Off only where every row a transaction writes is known to hang off one checked first. */
  foreignKeys: boolean;
  /** False: no commit of this connection copies the log; the owner asks for one when its work ends. */
  autocheckpoint: boolean;
}): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
const db = new Database(workerData.dbPath);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ${settings.foreignKeys ? 'ON' : 'OFF'}');
db.pragma('secure_delete = FAST');
${settings.autocheckpoint ? '' : "db.pragma('wal_autocheckpoint = 0');"}
const answer = (id, write) => {
  try {
    parentPort.postMessage({ id, ids: write() });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
};
// the owner's 'close': the database, then the thread's port, which lets the thread end
const close = () => {
  db.close();
  parentPort.close();
};
// PASSIVE: waits for no reader and no writer; what they still hold, a later checkpoint copies
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
};
`;
}

/** Every reply a writer thread sends names the request it answers; `error` when it failed. */
export type WriterReply = { id: number } & ({ error: string } | Record<string, unknown>);

export interface WriterThreadOptions {
  /** How the log names it: "header writer". */
  name: string;
  /** The thread's CommonJS source (eval'd), with `workerData.sqliteModule` to require. */
  source: string;
  /** Passed to the thread as workerData, besides dbPath and sqliteModule. */
  data: Record<string, unknown>;
  dbPath: string;
  idleCloseMs: number;
  log?: (message: string) => void;
  /** Where the thread loads better-sqlite3 from (tests: a place it is not). */
  moduleOverride?: string;
  /** The owner still has work in the thread that no request waits for yet (a batch streaming). */
  busy?: () => boolean;
}

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

export class WriterThread<Reply extends WriterReply> {
  private worker: Worker | null = null;
  private unusable = false;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: Reply | null) => void>();
  private idleWaiters: (() => void)[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: WriterThreadOptions) {}

  /** Whether a thread is running now (tests: that an idle one ended). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** The thread, started if need be and the idle close put off; null when there is none to be had. */
  use(): Worker | null {
    const worker = this.start();
    if (worker) this.stopIdleTimer();
    return worker;
  }

  /** A new request id: its reply comes to answer(id). */
  newId(): number {
    return ++this.nextId;
  }

  /** The reply to request `id`, or null should the thread go first. */
  answer(id: number): Promise<Reply | null> {
    if (this.unusable) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  /** Resolves once no request waits for its reply. */
  idle(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the thread for good; a request still out is answered null. */
  close(): void {
    this.unusable = true;
    this.stopIdleTimer();
    const worker = this.worker;
    this.worker = null;
    this.settleAll();
    worker?.postMessage('close');
  }

  /** With nothing waiting and the owner not busy, ends the thread after idleCloseMs. */
  closeWhenIdle(): void {
    if (this.waiting.size > 0 || this.options.busy?.() || !this.worker || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.waiting.size > 0 || this.options.busy?.() || !this.worker) return;
      const worker = this.worker;
      // its 'exit' must not make the writer unusable: the next piece of work starts a new thread
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      worker.on('error', () => undefined);
      this.worker = null;
      worker.postMessage('close');
    }, this.options.idleCloseMs);
    // never what keeps the process alive
    this.idleTimer.unref?.();
  }

  private start(): Worker | null {
    if (this.unusable) return null;
    if (this.worker) return this.worker;
    const { name, moduleOverride, source, data, dbPath } = this.options;
    const module = moduleOverride ?? (sqliteModule === undefined ? (sqliteModule = sqliteModulePath()) : sqliteModule);
    if (!module) return this.giveUp(`${name}: better-sqlite3 cannot be located for a thread`);
    try {
      const worker = new Worker(source, { eval: true, workerData: { ...data, dbPath, sqliteModule: module } });
      // never what keeps the process alive
      worker.unref();
      worker.on('message', (reply: Reply) => this.receive(reply));
      worker.on('error', (error) => this.giveUp(`${name} thread failed: ${error.message}`));
      worker.on('exit', () => this.giveUp(null));
      this.worker = worker;
      return worker;
    } catch (error) {
      return this.giveUp(`${name} thread could not start: ${(error as Error).message}`);
    }
  }

  private receive(reply: Reply): void {
    const resolve = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    this.wakeIdleWaiters();
    this.closeWhenIdle();
    if ('error' in reply)
      this.options.log?.(`${this.options.name}: ${String(reply.error)}; writing on the main connection`);
    resolve?.(reply);
  }

  /** From now on every write is the owner's. */
  private giveUp(reason: string | null): null {
    if (reason && !this.unusable) this.options.log?.(reason);
    this.unusable = true;
    this.worker = null;
    this.settleAll();
    return null;
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
    this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    if (this.waiting.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
