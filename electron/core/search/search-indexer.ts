// The background indexer. Header sync inserts rows and never touches the index (its rate is what
// the benchmark holds against a bare IMAP fetch); this walks messages by id in small batches when
// the engine is idle, and redoes or drops the rows the triggers of migration 6 mark dirty.
import type { Statement } from 'better-sqlite3';
import type { Disposable } from '../lifecycle';
import { BatchPacer } from '../store/batch-pacer';
import { writeTransaction, type Db } from '../store/database';
import { DOCUMENT_COLUMNS, searchDocument, type DocumentRow } from './search-document';

export interface IndexerOptions {
  /** Rows per transaction: small, so a batch never holds the thread for long. */
  batchSize?: number;
  /** Quiet time after the last change before indexing starts: sync batches come closer than this. */
  idleMs?: number;
  /** The longest a busy engine defers the indexer: then one batch runs anyway, so the tail stays short. */
  maxWaitMs?: number;
  /** How long a sync's progress report counts as "a sync is under way" without the next one. */
  syncQuietMs?: number;
  /** What times the background batches (tests). */
  clock?: () => number;
}

export class SearchIndexer implements Disposable {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly syncQuietMs: number;
  private timer: NodeJS.Timeout | null = null;
  private waitingSince: number | null = null;
  private lastActivity = 0;
  /** Until when a header sync counts as under way (see syncProgress). */
  private syncingUntil = 0;
  private stopped = false;
  /** The background batches' size: about 10 ms each (store/batch-pacer.ts). */
  private readonly pacer: BatchPacer;

  constructor(
    private readonly db: Db,
    options: IndexerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 250;
    this.idleMs = options.idleMs ?? 200;
    this.maxWaitMs = options.maxWaitMs ?? 2_000;
    this.syncQuietMs = options.syncQuietMs ?? 5_000;
    this.pacer = new BatchPacer({ max: this.batchSize, clock: options.clock });
  }

  /** Something changed: index once the engine has been quiet for a moment. */
  kick(): void {
    if (this.stopped) return;
    this.lastActivity = Date.now();
    this.waitingSince ??= this.lastActivity;
    this.schedule();
  }

  /**
   * A header sync reported progress. While one is under way the gaps between its batches are not
   * idle time: the thread is parsing the next FETCH (1,000 headers land every 300 ms or so here,
   * further apart on a slow link), and filling each gap with batch after batch of indexing took
   * a twentieth of that thread. Then only the overdue batch runs, one per maxWaitMs. A sync that
   * stops reporting (a dropped connection) counts as over after syncQuietMs.
   */
  syncProgress(done: number, total: number): void {
    this.syncPass(done < total);
  }

  /** An account's sync pass began or ended (account-runtime.ts): the same wait as during its batches. */
  syncPass(underway: boolean): void {
    this.syncingUntil = underway ? Date.now() + this.syncQuietMs : 0;
    // a batch already due (the engine just opened) waits for the pass too, or runs once it ends
    if (this.timer) this.schedule();
  }

  /** The next batch: when nothing has happened for idleMs, or maxWaitMs after the last batch. */
  private schedule(): void {
    const now = Date.now();
    const untilIdle = now < this.syncingUntil ? Infinity : this.idleMs - (now - this.lastActivity);
    const untilOverdue = (this.waitingSince ?? now) + this.maxWaitMs - now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runBatch(), Math.max(0, Math.min(untilIdle, untilOverdue)));
    this.timer.unref?.();
  }

  /** Ends the background indexing for good (the engine is closing); catchUp() still works. */
  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Indexes everything now (tests, the benchmark); returns the rows written. */
  catchUp(): number {
    let total = 0;
    for (;;) {
      const { written, more } = this.indexBatch();
      total += written;
      if (!more) return total;
    }
  }

  /** Rows not yet indexed or waiting to be redone. */
  backlog(): number {
    const row = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM messages WHERE id > (SELECT indexed_through FROM search_state))
              + (SELECT COUNT(*) FROM search_dirty) AS n`,
      )
      .get() as { n: number };
    return row.n;
  }

  private runBatch(): void {
    this.timer = null;
    this.waitingSince = null;
    if (this.stopped) return;
    let more: boolean;
    try {
      more = this.pacer.run((rows) => this.indexBatch(rows)).more;
    } catch {
      // a closed database at shutdown, or a busy one: the next change kicks the indexer again
      return;
    }
    // One batch per timer, never a loop: IMAP responses and IPC calls get the thread between
    // batches, and while sync keeps reporting changes the next batch waits for a quiet moment.
    if (more && !this.stopped) {
      this.waitingSince = Date.now();
      this.schedule();
    }
  }

  /** One transaction: dirty rows first (a body just opened), then the next new rows by id. */
  indexBatch(limit = this.batchSize): { written: number; more: boolean } {
    return writeTransaction(this.db, () => {
      const watermark = this.lowerWatermarkToMaxId();
      const dirty = this.db
        .prepare('SELECT message_id FROM search_dirty ORDER BY message_id LIMIT ?')
        .pluck()
        .all(limit) as number[];
      const remove = this.db.prepare('DELETE FROM search_index WHERE rowid = ?');
      const undirty = this.db.prepare('DELETE FROM search_dirty WHERE message_id = ?');
      const rows = this.db.prepare(
        `SELECT m.id, ${DOCUMENT_COLUMNS} FROM messages m LEFT JOIN message_bodies mb ON mb.message_id = m.id
         WHERE m.id = ?`,
      );
      const insert = this.db.prepare(
        `INSERT INTO search_index (rowid, subject, sender, recipients, snippet, body, attachments)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      let written = 0;
      for (const id of dirty) {
        remove.run(id);
        undirty.run(id);
        const row = rows.get(id) as (DocumentRow & { id: number }) | undefined;
        // above the watermark it is a reused id: the sweep below indexes it, once
        if (row && id <= watermark) written += this.insert(insert, row);
      }
      const room = limit - dirty.length;
      let fresh: (DocumentRow & { id: number })[] = [];
      if (room > 0) {
        fresh = this.db
          .prepare(
            `SELECT m.id, ${DOCUMENT_COLUMNS} FROM messages m LEFT JOIN message_bodies mb ON mb.message_id = m.id
             WHERE m.id > (SELECT indexed_through FROM search_state) ORDER BY m.id LIMIT ?`,
          )
          .all(room) as (DocumentRow & { id: number })[];
        for (const row of fresh) written += this.insert(insert, row);
        if (fresh.length)
          this.db.prepare('UPDATE search_state SET indexed_through = ?').run(fresh[fresh.length - 1]!.id);
      }
      const more = dirty.length + fresh.length >= limit;
      return { written, more };
    });
  }

  private insert(statement: Statement, row: DocumentRow & { id: number }): number {
    const doc = searchDocument(row);
    statement.run(row.id, doc.subject, doc.sender, doc.recipients, doc.snippet, doc.body, doc.attachments);
    return 1;
  }

  /**
   * messages.id has no AUTOINCREMENT: after the newest rows are deleted, SQLite hands their ids
   * out again. Lowering the watermark to the largest id left means a reused id is above it, so it
   * is indexed as new (the delete trigger has already queued the old entry's removal).
   */
  private lowerWatermarkToMaxId(): number {
    this.db
      .prepare(
        `UPDATE search_state SET indexed_through = (SELECT COALESCE(MAX(id), 0) FROM messages)
         WHERE indexed_through > (SELECT COALESCE(MAX(id), 0) FROM messages)`,
      )
      .run();
    return this.db.prepare('SELECT indexed_through FROM search_state').pluck().get() as number;
  }
}
