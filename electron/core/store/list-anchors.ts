// Deep windows of the message list without walking the date index from the top every time.
// Per mailbox, the sort key (date, id) of every STRIDE-th row is remembered once found; a window
// at offset N then seeks to the anchor at or before N and walks fewer than STRIDE entries.
//
// Anchors are only as good as the order they describe, so they are dropped on every write that
// can add, remove or move a row (the repos call `changed`), and checked against two things the
// database keeps on its own: the mailbox's message count (kept by the batch that inserts and by
// triggers on delete and move) and the data_version that another connection's commit changes
// (the header writer thread's, for one). Inside a transaction none are built or used: a rollback
// would leave them describing rows that never were.
import type { Statement } from 'better-sqlite3';
import type { MailboxId } from '../../../shared/domain';
import type { Db } from './database';

/** Rows between anchors: a window walks fewer than this many index entries. */
export const ANCHOR_STRIDE = 500;

interface Anchored {
  count: number;
  dataVersion: number;
  /** keys[k] is the (date, id) of the row at position (k + 1) * STRIDE, newest first. */
  keys: [date: number, id: number][];
  /** The mailbox has no row at the next position: no more anchors to find. */
  complete: boolean;
}

export class ListAnchors {
  private readonly byMailbox = new Map<MailboxId, Anchored>();
  private readonly dataVersion: Statement;
  private readonly first: Statement;
  private readonly next: Statement;

  constructor(private readonly db: Db) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.first = db
      .prepare('SELECT date, id FROM messages WHERE mailbox_id = ? ORDER BY date DESC, id DESC LIMIT 1 OFFSET ?')
      .raw();
    // "<=": the rows from an anchor's position on, whether or not its own row still exists.
    this.next = db
      .prepare(
        `SELECT date, id FROM messages WHERE mailbox_id = ? AND (date, id) <= (?, ?)
         ORDER BY date DESC, id DESC LIMIT 1 OFFSET ?`,
      )
      .raw();
  }

  /** A write that can add, remove or move rows happened: every anchor is void. */
  changed(): void {
    this.byMailbox.clear();
  }

  /**
   * The anchor at or before `offset` (its key and position), or null when none applies: offset
   * within the first stride, a transaction open, or the mailbox shorter than that.
   */
  seek(mailboxId: MailboxId, count: number, offset: number): { date: number; id: number; position: number } | null {
    const k = Math.floor(offset / ANCHOR_STRIDE);
    if (k === 0 || this.db.inTransaction) return null;
    const dataVersion = this.dataVersion.get() as number;
    let anchored = this.byMailbox.get(mailboxId);
    if (!anchored || anchored.count !== count || anchored.dataVersion !== dataVersion) {
      anchored = { count, dataVersion, keys: [], complete: false };
      this.byMailbox.set(mailboxId, anchored);
    }
    const { keys } = anchored;
    while (keys.length < k && !anchored.complete) {
      const last = keys[keys.length - 1];
      const row = (
        last ? this.next.get(mailboxId, last[0], last[1], ANCHOR_STRIDE) : this.first.get(mailboxId, ANCHOR_STRIDE)
      ) as [number, number] | undefined;
      if (row) keys.push(row);
      else anchored.complete = true;
    }
    const key = keys[Math.min(k, keys.length) - 1];
    return key ? { date: key[0], id: key[1], position: Math.min(k, keys.length) * ANCHOR_STRIDE } : null;
  }
}

const anchorsByDb = new WeakMap<Db, ListAnchors>();

/** The anchors of one database connection, shared by the repos that read and write its rows. */
export function listAnchors(db: Db): ListAnchors {
  let anchors = anchorsByDb.get(db);
  if (!anchors) anchorsByDb.set(db, (anchors = new ListAnchors(db)));
  return anchors;
}
