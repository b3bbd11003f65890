// The threader: gives every stored message its conversation_id, off header sync's insert path
// (sync's rate is held against a bare IMAP fetch, and migration 7 dropped indexes for it). It
// walks new rows by id in small transactions when the engine is quiet, like the search indexer,
// and a conversation window catches it up first (catchUp), so the list never shows a row that
// is not threaded yet as a conversation of its own for long.
//
// Union by shared ids: each id seen (thread_links, per account) names the conversation it was
// seen in; a message whose ids name two conversations joins them into the older one, so the
// order messages arrive in (a reply before its parent, Sent before Inbox) does not matter.
import type { Disposable } from '../lifecycle';
import { BatchPacer } from '../store/batch-pacer';
import { writeTransaction, type Db } from '../store/database';
import { linkIds } from './thread-links';

interface UnthreadedRow {
  id: number;
  account_id: string;
  message_id: string | null;
  in_reply_to: string | null;
  thread_key: string;
  thread_refs: string | null;
}

export interface ThreaderOptions {
  /** Rows per transaction: small, so a batch never holds the thread for long. */
  batchSize?: number;
  /** Quiet time after the last change before threading starts. */
  idleMs?: number;
  /** How long a sync's progress report counts as "a sync is under way" without the next one. */
  syncQuietMs?: number;
  /** What times the background batches (tests). */
  clock?: () => number;
}

export class Threader implements Disposable {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly syncQuietMs: number;
  /** Until when a header sync counts as under way (see syncProgress). */
  private syncingUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private statements: ReturnType<Threader['prepare']> | null = null;
  /** The background batches' size: about 10 ms each (store/batch-pacer.ts). */
  private readonly pacer: BatchPacer;

  constructor(
    private readonly db: Db,
    options: ThreaderOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 150;
    this.syncQuietMs = options.syncQuietMs ?? 5_000;
    this.pacer = new BatchPacer({ max: this.batchSize, clock: options.clock });
  }

  /** Messages were added or changed: thread the new ones once the engine is quiet. */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // while a header sync runs, the gaps between its batches are its own (the thread parses the
    // next FETCH): the threader waits until it is over; a conversation read threads what it shows
    const wait = Math.max(this.idleMs, this.syncingUntil - Date.now());
    this.timer = setTimeout(() => this.runBatch(), wait);
    this.timer.unref?.();
  }

  /** A header sync reported progress (as the search indexer hears it); a finished one ends the wait. */
  syncProgress(done: number, total: number): void {
    this.syncPass(done < total);
  }

  /**
   * An account's sync pass began or ended (account-runtime.ts): a resync after a restart must
   * not wait behind the rows a first sync left unthreaded, as many as the mailbox has.
   */
  syncPass(underway: boolean): void {
    const wasSyncing = this.syncingUntil > Date.now();
    this.syncingUntil = underway ? Date.now() + this.syncQuietMs : 0;
    if (wasSyncing && this.syncingUntil === 0 && this.timer) this.kick();
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Threads up to `maxRows` rows now (the conversation window, tests, the benchmark); returns
   * whether rows are left. The window calls this with a bound, so a first sync's 100,000 rows are
   * threaded in the background rather than inside one list read.
   */
  catchUp(maxRows = Infinity): boolean {
    let done = 0;
    for (;;) {
      const { threaded, more } = this.threadBatch(Math.min(this.batchSize, maxRows - done));
      done += threaded;
      if (!more) return false;
      if (done >= maxRows) return true;
    }
  }

  private runBatch(): void {
    this.timer = null;
    if (this.stopped) return;
    if (this.syncingUntil > Date.now()) return this.kick();
    try {
      // one batch per timer: IMAP responses and IPC calls get the thread between batches
      if (this.pacer.run((rows) => this.threadBatch(rows)).more) {
        this.timer = setTimeout(() => this.runBatch(), 0);
        this.timer.unref?.();
      }
    } catch {
      // a closed database at shutdown, or a busy one: the next change kicks the threader again
    }
  }

  private prepared(): ReturnType<Threader['prepare']> {
    this.statements ??= this.prepare();
    return this.statements;
  }

  private prepare() {
    return {
      rows: this.db.prepare(
        `SELECT m.id, b.account_id, m.message_id, m.in_reply_to, m.thread_key, m.thread_refs
         FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
         WHERE m.id > ? AND m.conversation_id IS NULL ORDER BY m.id LIMIT ?`,
      ),
      watermark: this.db.prepare('SELECT threaded_through, next_conversation FROM thread_state WHERE id = 1'),
      saveState: this.db.prepare('UPDATE thread_state SET threaded_through = ?, next_conversation = ? WHERE id = 1'),
      link: this.db.prepare('SELECT conversation_id FROM thread_links WHERE account_id = ? AND ref = ?').pluck(),
      saveLink: this.db.prepare(
        `INSERT INTO thread_links (account_id, ref, conversation_id) VALUES (?, ?, ?)
         ON CONFLICT (account_id, ref) DO UPDATE SET conversation_id = excluded.conversation_id`,
      ),
      moveLinks: this.db.prepare('UPDATE thread_links SET conversation_id = ? WHERE conversation_id = ?'),
      moveMessages: this.db.prepare('UPDATE messages SET conversation_id = ? WHERE conversation_id = ?'),
      assign: this.db.prepare('UPDATE messages SET conversation_id = ? WHERE id = ?'),
    };
  }

  /** One transaction: the next `limit` unthreaded rows by id. */
  threadBatch(limit: number): { threaded: number; more: boolean } {
    if (limit <= 0) return { threaded: 0, more: true };
    return writeTransaction(this.db, () => {
      const s = this.prepared();
      const state = s.watermark.get() as { threaded_through: number; next_conversation: number };
      let next = state.next_conversation;
      const rows = s.rows.all(state.threaded_through, limit) as UnthreadedRow[];
      for (const row of rows) {
        const links = linkIds({
          messageId: row.message_id,
          inReplyTo: row.in_reply_to,
          threadKey: row.thread_key,
          threadRefs: row.thread_refs,
        });
        let target: number | null = null;
        const found = new Set<number>();
        for (const ref of links) {
          const conversation = s.link.get(row.account_id, ref) as number | undefined;
          if (conversation === undefined) continue;
          found.add(conversation);
          if (target === null || conversation < target) target = conversation;
        }
        if (target === null) target = next++;
        // the message joins two (or more) conversations: the newer ones become the oldest one
        for (const other of found)
          if (other !== target) {
            s.moveLinks.run(target, other);
            s.moveMessages.run(target, other);
          }
        for (const ref of links) s.saveLink.run(row.account_id, ref, target);
        s.assign.run(target, row.id);
      }
      const through = rows.length ? rows[rows.length - 1]!.id : state.threaded_through;
      s.saveState.run(through, next);
      return { threaded: rows.length, more: rows.length === limit };
    });
  }
}
