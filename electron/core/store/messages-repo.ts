// Message header rows: what the list shows. Written by header sync in batches, read by window.
import type { Address, MailboxId, MessageFlags, MessageHeader, MessageId } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { HEADER_SQL, headerRow, writeHeaderRows } from './header-rows';
import { statementCache } from './statement-cache';
import { SERVER_FLAGS_SQL, serverFlagParams, storedKeywords, type ServerFlagUpdate } from './server-flags';
import type { ListFilter, ListSort } from '../../../shared/list-order';
import { ANCHOR_STRIDE, listAnchors, type ListAnchors } from './list-anchors';
import { DATE_ORDER, listOrder, throughDateIndex, viaDateIndex, type ListOrder } from './list-order-sql';

export { storedKeywords };

/** One message as header sync produces it. */
export interface HeaderRecord {
  uid: number;
  messageId: string | null;
  subject: string;
  from: Address[];
  to: Address[];
  cc: Address[];
  date: number;
  size: number;
  flags: MessageFlags;
  keywords: string[];
  hasAttachments: boolean;
  threadKey: string;
  inReplyTo: string | null;
  /** References between the first and the In-Reply-To, space separated (threads/thread-links.ts). */
  threadRefs?: string | null;
  bodystructure: string | null;
  /** From, To and Cc addresses beyond the per-field cap of header sync, counted, not kept. */
  addressesOmitted?: number;
  /** Gmail's labels (X-GM-LABELS), sorted; absent where the server is not Gmail. */
  gmailLabels?: string[];
}

/** A row read with HEADER_COLUMNS. */
export interface MessageRow {
  id: number;
  mailbox_id: number;
  account_id: string;
  uid: number | null;
  message_id: string | null;
  subject: string;
  from_json: string;
  to_json: string;
  cc_json: string;
  date: number;
  size: number;
  seen: number;
  flagged: number;
  answered: number;
  draft: number;
  has_attachments: number;
  snippet: string | null;
  thread_key: string;
  keywords: string | null;
  gmail_labels: string | null;
}

/** The columns toHeader() reads, `m` being messages and `b` its mailbox. */
export const HEADER_COLUMNS = `m.id, m.mailbox_id, b.account_id, m.uid, m.message_id, m.subject, m.from_json, m.to_json,
  m.cc_json, m.date, m.size, m.seen, m.flagged, m.answered, m.draft, m.has_attachments, m.snippet, m.thread_key,
  m.keywords, m.gmail_labels`;

// The window's ids come from the order's index alone (a covering walk), then their rows.
const windowOf = (order: ListOrder, direction: 'ASC' | 'DESC', from = '') => `SELECT ${HEADER_COLUMNS}
  FROM (SELECT id, ${order.column} AS k FROM messages INDEXED BY ${order.index} WHERE mailbox_id = ?${order.where} ${from}
        ORDER BY ${order.column} ${direction}, id ${direction} LIMIT ? OFFSET ?) w
  JOIN messages m ON m.id = w.id JOIN mailboxes b ON b.id = m.mailbox_id
  ORDER BY w.k DESC, w.id DESC`;
type WindowSql = (order: ListOrder) => string;
const fromTop: WindowSql = (order) => windowOf(order, 'DESC');
/** The same window counted from the last row of the order: OFFSET = the rows below it. */
const fromBottom: WindowSql = (order) => windowOf(order, 'ASC');
/** Counted from an anchor's (value, id): OFFSET = the rows between it and the window. */
// The plain "<=" first: SQLite bounds an index walk by a row value over a column, but over an
// indexed expression (sender, subject) only by a plain comparison.
const anchorBound = (order: ListOrder) => `AND ${order.column} <= ? AND (${order.column}, id) <= (?, ?)`;
export const fromAnchor: WindowSql = (order) => windowOf(order, 'DESC', anchorBound(order));
export const WINDOW_FROM_TOP = fromTop(DATE_ORDER);
export const WINDOW_FROM_BOTTOM = fromBottom(DATE_ORDER);
export const WINDOW_FROM_ANCHOR = fromAnchor(DATE_ORDER);

/** A page of a list: its rows and how many the whole list (sorted and filtered) has. */
export interface ListPage {
  total: number;
  messages: MessageHeader[];
}

export function toHeader(row: MessageRow): MessageHeader {
  return {
    id: row.id,
    mailboxId: row.mailbox_id,
    accountId: row.account_id,
    uid: row.uid ?? 0,
    messageId: row.message_id,
    subject: row.subject,
    from: JSON.parse(row.from_json) as Address[],
    to: JSON.parse(row.to_json) as Address[],
    cc: JSON.parse(row.cc_json) as Address[],
    date: row.date,
    size: row.size,
    flags: { seen: row.seen === 1, flagged: row.flagged === 1, answered: row.answered === 1, draft: row.draft === 1 },
    hasAttachments: row.has_attachments === 1,
    snippet: row.snippet,
    threadKey: row.thread_key,
    keywords: row.keywords ? row.keywords.split(' ') : [],
    ...(row.gmail_labels ? { gmailLabels: JSON.parse(row.gmail_labels) as string[] } : {}),
  };
}

/** The server-side identity of a message: what an operation needs to replay it. */
export interface MessageLocation {
  id: MessageId;
  mailboxId: MailboxId;
  uid: number | null;
}

export class MessagesRepo {
  /** Prepared once: compiling a statement costs more than running the list's queries. */
  private readonly cached: (sql: string) => Statement;
  private readonly anchors: ListAnchors;

  constructor(private readonly db: Db) {
    this.cached = statementCache(db);
    this.anchors = listAnchors(db);
  }

  /** A window of the list, newest first. */
  window(mailboxId: MailboxId, offset: number, limit: number): MessageHeader[] {
    return this.listWindow(mailboxId, offset, limit).messages;
  }

  /** A window of the list in any order and through any quick filters: the one query every list paint runs. */
  listWindow(mailboxId: MailboxId, offset: number, limit: number, sort?: ListSort, filter?: ListFilter): ListPage {
    const ordered = listOrder(sort, filter);
    const all = this.count(mailboxId);
    const total = this.anchors.filteredCount(mailboxId, ordered, all);
    const order = throughDateIndex(ordered, total, all) ? viaDateIndex(ordered) : ordered;
    if (sort?.direction !== 'asc')
      return { total, messages: this.descending(mailboxId, order, all, total, offset, limit) };
    // Ascending is the descending walk counted from its other end, read backwards.
    if (offset >= total || limit <= 0) return { total, messages: [] };
    const n = Math.min(limit, total - offset);
    return { total, messages: this.descending(mailboxId, order, all, total, total - offset - n, n).reverse() };
  }

  /** `limit` rows from `offset` of the order's descending walk, of `total` rows in it. */
  private descending(
    mailboxId: MailboxId,
    order: ListOrder,
    all: number,
    total: number,
    offset: number,
    limit: number,
  ): MessageHeader[] {
    // OFFSET walks the index one entry at a time. The walk reads the index alone (ids first,
    // then the rows picked), and it stays short: near the top it starts there, near the bottom
    // it starts from the last row (the count says where that is), and in between from the
    // nearest remembered anchor (see list-anchors.ts).
    const below = Math.max(0, total - offset - limit);
    const run = (sql: string, ...params: unknown[]) => (this.cached(sql).all(...params) as MessageRow[]).map(toHeader);
    const box = [mailboxId, ...order.params];
    if (offset < ANCHOR_STRIDE) return run(fromTop(order), ...box, limit, offset);
    if (offset >= total || limit <= 0) return [];
    const bottom = () => run(fromBottom(order), ...box, Math.min(limit, total - offset), below);
    if (below < ANCHOR_STRIDE) return bottom();
    const anchor = this.anchors.seek(mailboxId, all, offset, order);
    if (anchor)
      return run(fromAnchor(order), ...box, anchor.value, anchor.value, anchor.id, limit, offset - anchor.position);
    return offset <= below ? run(fromTop(order), ...box, limit, offset) : bottom();
  }

  /**
   * A window over several mailboxes at once (the unified Inbox, Sent, Drafts), in the list's
   * order. Each mailbox gives its own first offset + limit rows through its order's index, and
   * only those are merged: no sort over every message of every account.
   */
  windowAcross(
    mailboxIds: readonly MailboxId[],
    offset: number,
    limit: number,
    sort?: ListSort,
    filter?: ListFilter,
  ): MessageHeader[] {
    if (mailboxIds.length === 0) return [];
    const order = listOrder(sort, filter);
    const dir = sort?.direction === 'asc' ? 'ASC' : 'DESC';
    // The order's columns are unqualified: mailboxes has none of their names.
    const each = `SELECT ${HEADER_COLUMNS}, ${order.column} AS sort_value
      FROM messages m INDEXED BY ${order.index} JOIN mailboxes b ON b.id = m.mailbox_id
      WHERE m.mailbox_id = ?${order.where} ORDER BY ${order.column} ${dir}, m.id ${dir} LIMIT ?`;
    const union = mailboxIds.map(() => `SELECT * FROM (${each})`).join(' UNION ALL ');
    const rows = this.cached(`SELECT * FROM (${union}) ORDER BY sort_value ${dir}, id ${dir} LIMIT ? OFFSET ?`).all(
      ...mailboxIds.flatMap((id) => [id, ...order.params, offset + limit]),
      limit,
      offset,
    ) as MessageRow[];
    return rows.map(toHeader);
  }

  /** How many rows a list of these mailboxes has through the quick filters. */
  listCount(mailboxIds: readonly MailboxId[], filter?: ListFilter, sort?: ListSort): number {
    const order = listOrder(sort, filter);
    return mailboxIds.reduce((sum, id) => sum + this.anchors.filteredCount(id, order, this.count(id)), 0);
  }

  count(mailboxId: MailboxId): number {
    // kept by triggers (migration 4): no scan of the mailbox on every list paint
    const row = this.cached('SELECT message_count AS n FROM mailboxes WHERE id = ?').get(mailboxId) as
      { n: number } | undefined;
    return row?.n ?? 0;
  }

  get(ids: readonly MessageId[]): MessageHeader[] {
    if (ids.length === 0) return [];
    const stmt = this.db.prepare(
      `SELECT ${HEADER_COLUMNS} FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id WHERE m.id = ?`,
    );
    const out: MessageHeader[] = [];
    for (const id of ids) {
      const row = stmt.get(id) as MessageRow | undefined;
      if (row) out.push(toHeader(row));
    }
    return out;
  }

  locations(ids: readonly MessageId[]): MessageLocation[] {
    const stmt = this.db.prepare('SELECT id, mailbox_id AS mailboxId, uid FROM messages WHERE id = ?');
    return ids.map((id) => stmt.get(id) as MessageLocation | undefined).filter((l): l is MessageLocation => !!l);
  }

  bodystructure(id: MessageId): { uid: number | null; mailboxId: MailboxId; bodystructure: string | null } | null {
    const row = this.db
      .prepare('SELECT uid, mailbox_id AS mailboxId, bodystructure FROM messages WHERE id = ?')
      .get(id) as { uid: number | null; mailboxId: number; bodystructure: string | null } | undefined;
    return row ?? null;
  }

  /** Every stored UID of a mailbox, for the UID-diff and flag resync. */
  uids(mailboxId: MailboxId): Map<number, MessageId> {
    const rows = this.db
      .prepare('SELECT uid, id FROM messages WHERE mailbox_id = ? AND uid IS NOT NULL')
      .raw()
      .all(mailboxId) as [number, number][];
    return new Map(rows);
  }

  /** The ids of the given UIDs that are stored in a mailbox (UID → id). */
  idsByUid(mailboxId: MailboxId, uids: readonly number[]): Map<number, MessageId> {
    const stmt = this.cached('SELECT id FROM messages WHERE mailbox_id = ? AND uid = ?').pluck();
    const found = new Map<number, MessageId>();
    for (const uid of uids) {
      const id = stmt.get(mailboxId, uid) as number | undefined;
      if (id !== undefined) found.set(uid, id);
    }
    return found;
  }

  /** The UID of the `n`th newest stored message (by UID), or null when there are fewer. */
  nthHighestUid(mailboxId: MailboxId, n: number): number | null {
    const row = this.db
      .prepare('SELECT uid FROM messages WHERE mailbox_id = ? AND uid IS NOT NULL ORDER BY uid DESC LIMIT 1 OFFSET ?')
      .raw()
      .get(mailboxId, n - 1) as [number] | undefined;
    return row ? row[0] : null;
  }

  /**
   * How many stored messages of a mailbox have a UID: the trigger-kept count less the few rows
   * moved here and not yet given a UID. Every resync asks; COUNT(uid) walked the whole mailbox's
   * UID index to answer (14 ms at 100k, ten times that at 1M).
   */
  uidCount(mailboxId: MailboxId): number {
    return this.cached(
      `SELECT (SELECT message_count FROM mailboxes WHERE id = @box)
            - (SELECT COUNT(*) FROM messages WHERE mailbox_id = @box AND uid IS NULL)`,
    )
      .pluck()
      .get({ box: mailboxId }) as number;
  }

  maxUid(mailboxId: MailboxId): number {
    const row = this.db.prepare('SELECT MAX(uid) AS u FROM messages WHERE mailbox_id = ?').get(mailboxId) as {
      u: number | null;
    };
    return row.u ?? 0;
  }

  /**
   * Inserts new headers (a UID already present is updated, never duplicated). Returns the new ids.
   * With the header writer thread, the only INSERTs into messages: they keep the mailbox's message
   * and unread counts themselves (header-rows.ts).
   */
  insertHeaders(mailboxId: MailboxId, headers: readonly HeaderRecord[]): MessageId[] {
    // run() + lastInsertRowid: RETURNING costs a statement step per row, and header sync inserts
    // tens of thousands. Positional parameters: binding by name looks every one of 18 names up on
    // an object per row.
    const ids = writeHeaderRows(
      {
        insert: this.cached(HEADER_SQL.insert),
        refresh: this.cached(HEADER_SQL.refresh),
        counts: this.cached(HEADER_SQL.counts),
      },
      mailboxId,
      headers.map((h) => headerRow(mailboxId, h)),
    );
    this.anchors.changed();
    return ids;
  }

  /** Rows were written on another connection (the header writer): the list's anchors are stale. */
  rowsWrittenElsewhere(): void {
    this.anchors.changed();
  }

  /**
   * Applies the server's flags to the given UIDs, skipping messages that a pending local
   * operation touches (the server has not seen that change yet). Returns the ids that changed.
   */
  applyServerFlags(mailboxId: MailboxId, updates: readonly ServerFlagUpdate[]): MessageId[] {
    const stmt = this.cached(SERVER_FLAGS_SQL).pluck();
    const changed: MessageId[] = [];
    for (const update of updates) {
      const id = stmt.get(serverFlagParams(mailboxId, update)) as number | undefined;
      if (id !== undefined) changed.push(id);
    }
    if (changed.length) this.anchors.flagsChanged();
    return changed;
  }

  /** Flags were written on another connection (the flag writer thread): the filtered counts are stale. */
  flagsWrittenElsewhere(): void {
    this.anchors.flagsChanged();
  }

  /** Removes the given UIDs (expunged on the server). Returns the ids removed. */
  removeUids(mailboxId: MailboxId, uids: Iterable<number>): MessageId[] {
    this.anchors.changed();
    const stmt = this.db.prepare('DELETE FROM messages WHERE mailbox_id = ? AND uid = ? RETURNING id');
    const removed: MessageId[] = [];
    for (const uid of uids) {
      const row = stmt.get(mailboxId, uid) as { id: number } | undefined;
      if (row) removed.push(row.id);
    }
    return removed;
  }

  setLocalFlags(
    ids: readonly MessageId[],
    change: { seen?: boolean; flagged?: boolean; answered?: boolean },
  ): MessageId[] {
    const sets: string[] = [];
    if (change.seen !== undefined) sets.push(`seen = ${change.seen ? 1 : 0}`);
    if (change.flagged !== undefined) sets.push(`flagged = ${change.flagged ? 1 : 0}`);
    if (change.answered !== undefined) sets.push(`answered = ${change.answered ? 1 : 0}`);
    if (sets.length === 0) return [];
    this.anchors.flagsChanged();
    const stmt = this.db.prepare(`UPDATE messages SET ${sets.join(', ')} WHERE id = ? RETURNING id`);
    return ids.map((id) => stmt.get(id) as { id: number } | undefined).flatMap((r) => (r ? [r.id] : []));
  }

  /** Tags added and removed in the cache (set-keywords.ts). Returns the ids whose tags changed. */
  changeKeywords(ids: readonly MessageId[], add: readonly string[], remove: readonly string[]): MessageId[] {
    const read = this.db.prepare('SELECT keywords FROM messages WHERE id = ?').pluck();
    const write = this.db.prepare('UPDATE messages SET keywords = ? WHERE id = ?');
    const removed = new Set(remove.map((keyword) => keyword.toLowerCase()));
    const changed: MessageId[] = [];
    for (const id of ids) {
      const before = read.get(id) as string | null | undefined;
      if (before === undefined) continue;
      // Keywords compare without case on the server (RFC 9051 2.3.2): removing "work" removes "Work".
      const kept = (before ? before.split(' ') : []).filter((keyword) => !removed.has(keyword.toLowerCase()));
      const present = new Set(kept.map((keyword) => keyword.toLowerCase()));
      const after = storedKeywords([...kept, ...add.filter((keyword) => !present.has(keyword.toLowerCase()))]);
      if (after === before) continue;
      write.run(after, id);
      changed.push(id);
    }
    return changed;
  }

  /** A local move: the row changes mailbox at once; its UID there is unknown until COPYUID. */
  moveLocal(ids: readonly MessageId[], toMailboxId: MailboxId): void {
    this.anchors.changed();
    const stmt = this.db.prepare('UPDATE messages SET mailbox_id = ?, uid = NULL WHERE id = ?');
    for (const id of ids) stmt.run(toMailboxId, id);
  }

  delete(ids: readonly MessageId[]): void {
    this.anchors.changed();
    const stmt = this.db.prepare('DELETE FROM messages WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  /** After COPYUID: the moved row gets its UID in the target mailbox. */
  assignUid(id: MessageId, mailboxId: MailboxId, uid: number): boolean {
    // The target's sync may have fetched the message already; then the synced copy wins.
    const clash = this.db.prepare('SELECT id FROM messages WHERE mailbox_id = ? AND uid = ?').get(mailboxId, uid) as
      { id: number } | undefined;
    if (clash && clash.id !== id) {
      this.anchors.changed();
      this.db.prepare('DELETE FROM messages WHERE id = ?').run(id);
      return false;
    }
    this.db.prepare('UPDATE messages SET uid = ? WHERE id = ? AND mailbox_id = ?').run(uid, id, mailboxId);
    return true;
  }

  /** Every cached message of a mailbox (emptying Trash or Junk). */
  idsIn(mailboxId: MailboxId): MessageId[] {
    return (this.db.prepare('SELECT id FROM messages WHERE mailbox_id = ?').raw().all(mailboxId) as [number][]).map(
      ([id]) => id,
    );
  }

  unreadIds(mailboxId: MailboxId): MessageId[] {
    return (
      this.db.prepare('SELECT id FROM messages WHERE mailbox_id = ? AND seen = 0').raw().all(mailboxId) as [number][]
    ).map(([id]) => id);
  }

  setSnippets(mailboxId: MailboxId, snippets: ReadonlyMap<number, string>): MessageId[] {
    const stmt = this.db.prepare('UPDATE messages SET snippet = ? WHERE mailbox_id = ? AND uid = ? RETURNING id');
    const ids: MessageId[] = [];
    for (const [uid, snippet] of snippets) {
      const row = stmt.get(snippet, mailboxId, uid) as { id: number } | undefined;
      if (row) ids.push(row.id);
    }
    return ids;
  }

  /**
   * Messages among the `recent` newest that have a structure but no snippet yet, newest first.
   * Only recent ones: previews of mail nobody scrolls to are not worth the download.
   */
  missingSnippets(mailboxId: MailboxId, limit: number, recent = 2_000): { uid: number; bodystructure: string }[] {
    return this.db
      .prepare(
        `SELECT uid, bodystructure FROM (
           SELECT uid, bodystructure, snippet, date, id FROM messages WHERE mailbox_id = ?
           ORDER BY date DESC, id DESC LIMIT ?)
         WHERE snippet IS NULL AND uid IS NOT NULL AND bodystructure IS NOT NULL
         ORDER BY date DESC, id DESC LIMIT ?`,
      )
      .all(mailboxId, recent, limit) as { uid: number; bodystructure: string }[];
  }
}
