// Deep windows of the message list without walking an index from the top every time.
// Per mailbox and list order (sort key and quick filters), the sort key (value, id) of every
// STRIDE-th row of that order is remembered once found; a window at offset N then seeks to the
// anchor at or before N and walks fewer than STRIDE entries. Anchors are kept for the
// descending walk only: an ascending window is the same rows counted from the other end.
//
// Anchors are only as good as the order they describe, so they are dropped on every write that
// can add, remove or move a row (the repos call `changed`; a flag change drops those of filtered
// orders, whose rows it adds or removes), and checked against two things the database keeps on
// its own: the mailbox's message count (kept by the batch that inserts and by triggers on delete
// and move) and the data_version that another connection's commit changes (the header writer
// thread's, for one). Inside a transaction none are built or used: a rollback would leave them
// describing rows that never were. A filtered order also remembers how many rows it has, on the
// same terms, so its count is one index walk per change rather than one per window; unread alone
// and starred alone need no walk at all: the mailbox row keeps their counts (migrations 4, 28).
import type { Statement } from 'better-sqlite3';
import type { MailboxId } from '../../../shared/domain';
import type { Db } from './database';
import { COUNT_INDEX, DATE_ORDER, type KeptCount, type ListOrder } from './list-order-sql';

/** Rows between anchors: a window walks fewer than this many index entries. */
export const ANCHOR_STRIDE = 500;

type SortValue = number | string;

interface Anchored {
  count: number;
  dataVersion: number;
  /** keys[k] is the (value, id) of the row at position (k + 1) * STRIDE, in descending order. */
  keys: [value: SortValue, id: number][];
  /** The mailbox has no row at the next position: no more anchors to find. */
  complete: boolean;
  /** How many rows a filtered order has, once counted. */
  filteredCount: number | null;
}

interface OrderStatements {
  first: Statement;
  next: Statement;
  count: Statement;
}

export class ListAnchors {
  private readonly byMailbox = new Map<string, Anchored>();
  private readonly statements = new Map<string, OrderStatements>();
  private readonly dataVersion: Statement;
  /** Per kept count (list-order-sql.ts KEPT_COUNTS), the statement that reads it. */
  private readonly keptCounts = new Map<KeptCount, Statement>();

  constructor(private readonly db: Db) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  private statementsOf(order: ListOrder): OrderStatements {
    // by the SQL's shape: orders that differ only in their parameters share statements
    const shape = `${order.index}${order.where}`;
    let found = this.statements.get(shape);
    if (found) return found;
    const { column, index, where } = order;
    const from = `FROM messages INDEXED BY ${index} WHERE mailbox_id = ?${where}`;
    found = {
      first: this.db.prepare(`SELECT ${column}, id ${from} ORDER BY ${column} DESC, id DESC LIMIT 1 OFFSET ?`).raw(),
      // "<=": the rows from an anchor's position on, whether or not its own row still exists. The
      // plain "<=" lets SQLite bound the walk on an indexed expression, as a row value cannot.
      next: this.db
        .prepare(
          `SELECT ${column}, id ${from} AND ${column} <= ? AND (${column}, id) <= (?, ?)
           ORDER BY ${column} DESC, id DESC LIMIT 1 OFFSET ?`,
        )
        .raw(),
      // the same rows in every order: counted where the filter columns are (list-order-sql.ts)
      count: this.db
        .prepare(`SELECT COUNT(*) FROM messages INDEXED BY ${COUNT_INDEX} WHERE mailbox_id = ?${where}`)
        .pluck(),
    };
    this.statements.set(shape, found);
    return found;
  }

  private keptCountStatement(column: KeptCount): Statement {
    let found = this.keptCounts.get(column);
    if (!found)
      this.keptCounts.set(column, (found = this.db.prepare(`SELECT ${column} FROM mailboxes WHERE id = ?`).pluck()));
    return found;
  }

  /** A write that can add, remove or move rows happened: every anchor is void. */
  changed(): void {
    this.byMailbox.clear();
  }

  /** Flags changed: the filtered orders gained or lost rows; the others did not move. */
  flagsChanged(): void {
    // a filtered order's key lists its filters after the sort key: "date|unread"
    for (const key of this.byMailbox.keys()) if (key.includes('|')) this.byMailbox.delete(key);
  }

  /** The entry of a mailbox's order, new when what it describes may have changed. */
  private entry(mailboxId: MailboxId, order: ListOrder, count: number): Anchored {
    const key = `${mailboxId}:${order.key}`;
    const dataVersion = this.dataVersion.get() as number;
    let anchored = this.byMailbox.get(key);
    if (!anchored || anchored.count !== count || anchored.dataVersion !== dataVersion) {
      anchored = { count, dataVersion, keys: [], complete: false, filteredCount: null };
      this.byMailbox.set(key, anchored);
    }
    return anchored;
  }

  /**
   * How many rows a filtered order has (`count` is the mailbox's, kept by triggers); remembered
   * between windows except inside a transaction.
   */
  filteredCount(mailboxId: MailboxId, order: ListOrder, count: number): number {
    if (!order.filtered) return count;
    // kept as the mailbox's message count is: no walk of the folder after every flag change
    if (order.keptCount) return (this.keptCountStatement(order.keptCount).get(mailboxId) as number | undefined) ?? 0;
    const counted = () => this.statementsOf(order).count.get(mailboxId, ...order.params) as number;
    if (this.db.inTransaction) return counted();
    const anchored = this.entry(mailboxId, order, count);
    anchored.filteredCount ??= counted();
    return anchored.filteredCount;
  }

  /**
   * The anchor at or before `offset` (its key and position) in the order's descending walk, or
   * null when none applies: offset within the first stride, a transaction open, or the order
   * shorter than that.
   */
  seek(
    mailboxId: MailboxId,
    count: number,
    offset: number,
    order: ListOrder = DATE_ORDER,
  ): { value: SortValue; id: number; position: number } | null {
    const k = Math.floor(offset / ANCHOR_STRIDE);
    if (k === 0 || this.db.inTransaction) return null;
    const anchored = this.entry(mailboxId, order, count);
    const { first, next } = this.statementsOf(order);
    const { keys } = anchored;
    while (keys.length < k && !anchored.complete) {
      const last = keys[keys.length - 1];
      const row = (
        last
          ? next.get(mailboxId, ...order.params, last[0], last[0], last[1], ANCHOR_STRIDE)
          : first.get(mailboxId, ...order.params, ANCHOR_STRIDE)
      ) as [SortValue, number] | undefined;
      if (row) keys.push(row);
      else anchored.complete = true;
    }
    const key = keys[Math.min(k, keys.length) - 1];
    return key ? { value: key[0], id: key[1], position: Math.min(k, keys.length) * ANCHOR_STRIDE } : null;
  }
}

const anchorsByDb = new WeakMap<Db, ListAnchors>();

/** The anchors of one database connection, shared by the repos that read and write its rows. */
export function listAnchors(db: Db): ListAnchors {
  let anchors = anchorsByDb.get(db);
  if (!anchors) anchorsByDb.set(db, (anchors = new ListAnchors(db)));
  return anchors;
}
