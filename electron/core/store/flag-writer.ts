// A resync's many flag changes are written by a worker thread on its own SQLite connection
// while their FETCH is still being parsed and the new mail fetched, instead of on the engine's
// thread after the FETCH. A flag change rewrote its row and an entry in each of the four list
// indexes that held seen and flagged (migration 16; since migration 27 only the date index
// does): 2,500 changes of a 250,000-message INBOX (a reopen after another device flagged 1 %)
// dirtied about 9,000 pages, 170-650 ms of writing that held the engine's thread, and the new
// mail waited behind it (bench figure c2).
//
// The changes arrive in chunks; each chunk is its own short transaction, so the write lock is
// never held for long (a write on the main connection meanwhile waits at most one chunk). What
// a chunk changed comes back as ids. The HIGHESTMODSEQ that covers the changes is not written
// here: the caller saves it once every chunk is in, so a crash in between fetches them again
// (applying them twice changes nothing). Should the thread be unusable or fail, `finish`
// says so and the caller applies every change on its own connection; those already written
// are then unchanged rows, which the statement skips.
//
// The thread's connection never checkpoints in a commit (SQLite's automatic checkpoint would
// copy the log into the database inside a chunk's commit, on the path the caller waits for): it
// copies the log once, right after answering the last chunk. The engine's own next commit then
// finds the copy under way and leaves it (a PASSIVE checkpoint does not wait for another).
// Copied on the engine's thread, those pages took 190-230 ms of it (Store.bulkTransaction).
import type { MailboxId, MessageId } from '../../../shared/domain';
import { SERVER_FLAGS_SQL, serverFlagParams, type ServerFlagParams, type ServerFlagUpdate } from './server-flags';
import { WriterThread, writerConnectionSource } from './writer-thread';

const WORKER_SOURCE = `${writerConnectionSource({ foreignKeys: true, autocheckpoint: false })}
const update = db.prepare(workerData.sql).pluck();
const apply = db.transaction((rows) => {
  const ids = [];
  for (const row of rows) {
    const id = update.get(row);
    if (id !== undefined) ids.push(id);
  }
  return ids;
});
parentPort.on('message', (message) => {
  if (message === 'close') return close();
  answer(message.id, () => apply.immediate(message.rows));
  if (message.last) checkpoint();
});
`;

/** Changes per chunk: a transaction of ~20-60 ms at 250,000 messages, so the lock is soon free again. */
export const FLAG_CHUNK = 250;

/**
 * The thread ends once it has written nothing for this long: a thread kept holds its heap and
 * its SQLite cache, and a reopen's resync with thousands of changes is rare.
 */
export const FLAG_WRITER_IDLE_CLOSE_MS = 2_000;

type Reply = { id: number; ids: number[] } | { id: number; error: string };

export class FlagWriter {
  private readonly thread: WriterThread<Reply>;

  /** `moduleOverride`: where the thread loads better-sqlite3 from (tests: a place it is not). */
  constructor(dbPath: string, log?: (message: string) => void, moduleOverride?: string) {
    this.thread = new WriterThread<Reply>({
      name: 'flag writer',
      source: WORKER_SOURCE,
      data: { sql: SERVER_FLAGS_SQL },
      dbPath,
      idleCloseMs: FLAG_WRITER_IDLE_CLOSE_MS,
      log,
      moduleOverride,
    });
  }

  /** A run of changes to one mailbox, written a chunk at a time; null when there is no thread. */
  open(mailboxId: MailboxId): FlagStream | null {
    return this.thread.use() ? new FlagStream(this, mailboxId) : null;
  }

  /** Whether a thread is running now (tests: that an idle one ended). */
  get threadRunning(): boolean {
    return this.thread.running;
  }

  close(): void {
    this.thread.close();
  }

  /**
   * @internal FlagStream: one chunk written; the ids it changed, or null should the thread fail.
   * After the `last` chunk the thread copies the log into the database file.
   */
  async write(rows: ServerFlagParams[], last: boolean): Promise<number[] | null> {
    const worker = this.thread.use();
    if (!worker) return null;
    const id = this.thread.newId();
    const answer = this.thread.answer(id);
    worker.postMessage({ id, rows, last });
    const reply = await answer;
    return reply && 'ids' in reply ? reply.ids : null;
  }
}

/** One mailbox's changes on their way to the thread (FlagWriter.open). */
export class FlagStream {
  private chunk: ServerFlagParams[] = [];
  private readonly written: Promise<number[] | null>[] = [];
  private finished = false;

  constructor(
    private readonly writer: FlagWriter,
    private readonly mailboxId: MailboxId,
  ) {}

  add(update: ServerFlagUpdate): void {
    if (this.finished) throw new Error('flag writer: a change added to a run already finished');
    this.chunk.push(serverFlagParams(this.mailboxId, update));
    if (this.chunk.length >= FLAG_CHUNK) this.flush(false);
  }

  /**
   * Sends the last chunk and waits for every chunk: the ids they changed, and whether all of them
   * were written. When not, the caller writes every change itself.
   */
  async finish(): Promise<{ ids: MessageId[]; complete: boolean }> {
    if (!this.finished) this.flush(true);
    this.finished = true;
    const answers = await Promise.all(this.written);
    return { ids: answers.flatMap((ids) => ids ?? []), complete: answers.every((ids) => ids !== null) };
  }

  /** The last chunk goes even when empty: after it the thread copies the log. */
  private flush(last: boolean): void {
    if (!this.chunk.length && !last) return;
    const rows = this.chunk;
    this.chunk = [];
    this.written.push(this.writer.write(rows, last));
  }
}
