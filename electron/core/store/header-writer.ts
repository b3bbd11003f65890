// Large batches of header sync are written by a worker thread on its own SQLite connection, so
// the main thread parses the next FETCH while the last one is written, and nothing else that
// runs there (the UI's requests) waits behind a thousand-row insert. Measured against a bare
// imapflow fetch, 5 alternating rounds each on one mail bed: a median ratio of 0.85 with the
// thread, 0.72 without.
//
// The thread runs plain JavaScript given as a string (no build step has to know a second entry
// point), with the one batch-writing function shared with the main connection (header-rows.ts).
// A batch's rows stream to it while their FETCH is parsed (openBatch), from this thread or, over
// a port of the batch's own, straight from an extra connection's thread (StreamedBatch.port).
// Whatever keeps it from working makes the caller write on the main connection: when it cannot
// start, openBatch answers null and the caller keeps its rows; when it dies or a write fails,
// commit answers null and the caller fetches that batch again. A failure that is real (a full
// disk) then shows there, with its usual error.
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { MailboxId, MessageId } from '../../../shared/domain';
import { HEADER_SQL, headerRow, writeHeaderRows, type HeaderRow } from './header-rows';
import { SYNC_STATE_SQL, syncStateParams, type MailboxSyncState } from './mailboxes-repo';
import type { HeaderRecord } from './messages-repo';
import { WriterThread, writerConnectionSource } from './writer-thread';

const WORKER_SOURCE = `${writerConnectionSource({ foreignKeys: true, autocheckpoint: true })}
const writeHeaderRows = ${writeHeaderRows.toString()};
const statements = {
  insert: db.prepare(workerData.sql.insert),
  refresh: db.prepare(workerData.sql.refresh),
  counts: db.prepare(workerData.sql.counts),
};
const syncState = db.prepare(workerData.sql.syncState);
const write = db.transaction((mailboxId, rows, state) => {
  const ids = writeHeaderRows(statements, mailboxId, rows);
  syncState.run(state);
  return ids;
});
// Rows of the batches still being fetched, by batch id: kept here, not on the main thread.
const open = new Map();
// Commits that came before all their rows: rows sent on a batch's own port (an extra
// connection's thread, StreamedBatch.port) may arrive after the commit sent here.
const due = new Map();
// The ports batches get their rows on from other threads, closed once the batch ends.
const ports = new Map();
const rowsOf = (id) => {
  let rows = open.get(id);
  if (!rows) open.set(id, (rows = []));
  return rows;
};
const endPort = (id) => {
  const port = ports.get(id);
  if (port) port.close();
  ports.delete(id);
};
const commit = (message) => {
  const rows = open.get(message.id) || [];
  if (rows.length < message.rows) return due.set(message.id, message);
  due.delete(message.id);
  open.delete(message.id);
  endPort(message.id);
  answer(message.id, () => write.immediate(message.mailboxId, rows, message.syncState));
};
parentPort.on('message', (message) => {
  if (message === 'close') {
    // a batch's port left open would keep the thread alive after its database is closed
    for (const id of [...ports.keys()]) endPort(id);
    return close();
  }
  if (message === 'checkpoint') {
    checkpoint();
    return;
  }
  if (message.type === 'rows') {
    const rows = rowsOf(message.id);
    for (const row of message.rows) rows.push(row);
    return;
  }
  if (message.type === 'port') {
    const id = message.id;
    ports.set(id, message.port);
    rowsOf(id);
    message.port.on('message', (chunk) => {
      const rows = open.get(id);
      if (!rows) return;
      for (const row of chunk.rows) rows.push(row);
      const waiting = due.get(id);
      if (waiting) commit(waiting);
    });
    return;
  }
  if (message.type === 'abort') {
    open.delete(message.id);
    due.delete(message.id);
    endPort(message.id);
    return;
  }
  commit(message);
});
`;

/** Batches smaller than this are written on the main connection: a thread is not worth it. */
export const WRITER_MIN_ROWS = 200;

/** Rows per message to the thread: few enough that a chunk dies young on the main thread. */
const CHUNK_ROWS = 100;

/**
 * The thread ends once it has had no batch for this long, and the next large batch starts
 * another (tens of ms, against seconds of FETCH). A thread kept for the next big sync holds its
 * own V8 heap, grown to take a first sync's rows, and its SQLite connection's cache: 20-30 MB
 * of the engine's resident memory after a 100k first sync (bench figure f1, docs/architecture.md,
 * "Memory"). During a sync the next batch opens as the last commits, so it never idles this long.
 */
export const WRITER_IDLE_CLOSE_MS = 500;

type Reply = { id: number; ids: MessageId[] } | { id: number; error: string };

export class HeaderWriter {
  private readonly thread: WriterThread<Reply>;
  /** Batches opened and not yet committed or aborted: the thread holds their rows. */
  private streaming = 0;

  /** `moduleOverride`: where the thread loads better-sqlite3 from (tests: a place it is not). */
  constructor(dbPath: string, log?: (message: string) => void, moduleOverride?: string) {
    this.thread = new WriterThread<Reply>({
      name: 'header writer',
      source: WORKER_SOURCE,
      data: { sql: { ...HEADER_SQL, syncState: SYNC_STATE_SQL } },
      dbPath,
      idleCloseMs: WRITER_IDLE_CLOSE_MS,
      log,
      moduleOverride,
      busy: () => this.streaming > 0,
    });
  }

  /**
   * A batch whose rows go to the thread while its FETCH is still being parsed, a chunk at a
   * time, so the main thread holds none of them. Holding a thousand parsed headers until the
   * FETCH ended made every young-generation GC copy them again: streaming them took the main
   * thread's scavenges in a 50k first sync from 0.69 s to 0.52 s (bare imapflow: 0.27-0.32 s).
   * Null when there is no thread: the caller keeps and writes the rows.
   */
  openBatch(mailboxId: MailboxId): StreamedBatch | null {
    const worker = this.thread.use();
    if (!worker) return null;
    this.streaming++;
    return new StreamedBatch(this, worker, this.thread.newId(), mailboxId);
  }

  /** @internal StreamedBatch: committed or aborted, it no longer streams. */
  batchFinished(): void {
    this.streaming--;
    this.thread.closeWhenIdle();
  }

  /** Whether a thread is running now (tests: that an idle one ended). */
  get threadRunning(): boolean {
    return this.thread.running;
  }

  /** @internal StreamedBatch.commit: the answer for batch `id`, or null should the thread go. */
  async answer(id: number): Promise<MessageId[] | null> {
    const reply = await this.thread.answer(id);
    return reply && 'ids' in reply ? reply.ids : null;
  }

  /**
   * Resolves once the thread writes no batch. A write on the main connection while the thread
   * commits waits for SQLite's write lock in the busy handler, which blocks the engine's whole
   * thread (40 to 60 ms a \Seen in the engine's profile during a 100k first sync); awaited first,
   * the wait is a promise and the window's other requests are answered meanwhile.
   */
  idle(): Promise<void> {
    return this.thread.idle();
  }

  /** Starts the thread now: a checkpoint() after a long transaction finds it running. */
  warmUp(): void {
    this.thread.use();
  }

  /**
   * Starts the thread ahead of batches that are on their way (a first sync's, once its first
   * screen is stored): a Node worker loading SQLite takes it 50-100 ms, which then pass while the
   * first batch is fetched instead of holding up its commit. Left unused, it ends as an idle
   * thread does.
   */
  startEarly(): void {
    this.thread.use();
    this.thread.closeWhenIdle();
  }

  /**
   * Copies the write-ahead log into the database file on the thread, so that the main
   * connection's next commit does not (Store.bulkTransaction). False when there is no thread: then
   * the main connection's automatic checkpoint does it, as before.
   */
  checkpoint(): boolean {
    const worker = this.thread.use();
    worker?.postMessage('checkpoint');
    // a thread started for this alone ends like an idle one (its close is queued after the copy)
    this.thread.closeWhenIdle();
    return worker !== null;
  }

  /** Stops the thread; a batch still being written is answered null (and written by its caller, if still wanted). */
  close(): void {
    this.thread.close();
  }
}

/** One batch on its way to the writer thread (HeaderWriter.openBatch). */
export class StreamedBatch {
  private chunk: HeaderRow[] = [];
  private finished = false;
  /** Rows the thread is to have before it writes: added here or sent on the batch's port. */
  private rows = 0;

  constructor(
    private readonly writer: HeaderWriter,
    private readonly worker: Worker,
    private readonly id: number,
    private readonly mailboxId: MailboxId,
  ) {}

  add(record: HeaderRecord): void {
    if (this.finished) throw new Error('header writer: a row added to a batch already committed or aborted');
    this.chunk.push(headerRow(this.mailboxId, record));
    this.rows++;
    if (this.chunk.length >= CHUNK_ROWS) this.flush();
  }

  /**
   * A port on which another thread (an extra connection's, imap/sync/fetch-thread.ts) sends this
   * batch's rows to the writer thread itself, as `{ rows: HeaderRow[] }` messages, so they never
   * pass through this thread. Before commit, say how many it sent (sentElsewhere): the writer
   * waits for that many, since the port's messages and this thread's may arrive in any order.
   */
  port(): MessagePort {
    if (this.finished) throw new Error('header writer: a port asked of a batch already committed or aborted');
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ type: 'port', id: this.id, port: port1 }, [port1]);
    return port2;
  }

  /** `rows` rows of this batch were sent on its port (port()). */
  sentElsewhere(rows: number): void {
    this.rows += rows;
  }

  /**
   * Writes every row added, and the sync state, in one transaction. The ids of the rows in the
   * order added, or null: then nothing of the batch is stored, and the rows are gone from here
   * too, so the caller fetches the batch again and writes it on the main connection.
   */
  commit(syncState: MailboxSyncState): Promise<MessageId[] | null> {
    this.flush();
    const wasStreaming = !this.finished;
    this.finished = true;
    const answer = this.writer.answer(this.id);
    this.worker.postMessage({
      type: 'commit',
      id: this.id,
      mailboxId: this.mailboxId,
      syncState: syncStateParams(this.mailboxId, syncState),
      rows: this.rows,
    });
    if (wasStreaming) this.writer.batchFinished();
    return answer;
  }

  /** The FETCH failed: the thread forgets the rows it was given. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.chunk = [];
    this.worker.postMessage({ type: 'abort', id: this.id });
    this.writer.batchFinished();
  }

  private flush(): void {
    if (!this.chunk.length) return;
    // postMessage copies the rows out of this heap at once: the array is garbage right after.
    this.worker.postMessage({ type: 'rows', id: this.id, rows: this.chunk });
    this.chunk = [];
  }
}
