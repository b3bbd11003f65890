// The SQL of one list order: which column and index a sort walks, and the WHERE the quick
// filters add. The date index (migrations 16, 27) holds every filter column, so a filtered date
// walk, and every filtered count the mailbox row does not keep (it keeps unread alone and starred
// alone), read it alone; the sender, subject and size indexes hold only has_attachments, so
// that a flag change rewrites one list index entry rather than four. A walk
// of theirs narrowed to unread or starred reads each row's flags from the table, and a narrow
// enough filter is read through the date index and sorted instead (`throughDateIndex`).
// INDEXED BY keeps the planner from preferring the small unread index and then sorting every
// unread message.
import {
  activeFilters,
  DEFAULT_SORT,
  type ListFilter,
  type ListSort,
  type QuickFilter,
  type SortKey,
} from '../../../shared/list-order';

export interface ListOrder {
  /** Equal exactly when two orders walk the same rows in the same order (a cache key). */
  key: string;
  /** A column or the indexed expression the order sorts by, over unqualified columns of messages. */
  column: string;
  index: string;
  /** '' or ' AND …' over the index's own columns. */
  where: string;
  /** The values of the `?`s in `where`, in order. */
  params: unknown[];
  filtered: boolean;
  /** The filter reads seen or flagged, which only the date index holds. */
  byFlags: boolean;
  /**
   * The mailboxes column that keeps this order's count (migrations 4, 28): unread alone or starred
   * alone, with no row kept in view; null for an order that must be counted.
   */
  keptCount: KeptCount | null;
}

/** The counts each mailbox row keeps, by the quick filter they count. */
const KEPT_COUNTS = { unread: 'unread_count', starred: 'flagged_count' } as const;
export type KeptCount = (typeof KEPT_COUNTS)[keyof typeof KEPT_COUNTS];

// The very expressions migration 16 indexes: SQLite uses an expression index only for the
// same expression (list-anchors.test.ts checks each plan reads its index alone).
export const SENDER_SORT = `lower(coalesce(nullif(json_extract(from_json, '$[0].name'), ''), json_extract(from_json, '$[0].address'), ''))`;
export const SUBJECT_SORT = `lower(ltrim(CASE WHEN lower(substr(subject, 1, 3)) = 're:' THEN substr(subject, 4)
      WHEN lower(substr(subject, 1, 4)) = 'fwd:' THEN substr(subject, 5)
      WHEN lower(substr(subject, 1, 3)) = 'fw:' THEN substr(subject, 4) ELSE subject END))`;

const COLUMNS: Record<SortKey, { column: string; index: string }> = {
  date: { column: 'date', index: 'messages_by_date' },
  sender: { column: SENDER_SORT, index: 'messages_by_sender' },
  subject: { column: SUBJECT_SORT, index: 'messages_by_subject' },
  size: { column: 'size', index: 'messages_by_size' },
};

const FILTER_SQL = { unread: ' AND seen = 0', starred: ' AND flagged = 1', attachments: ' AND has_attachments = 1' };

/** The kept count of a list narrowed by `filters` alone, if the mailbox row keeps one. */
function keptCountOf(filters: readonly QuickFilter[]): KeptCount | null {
  const only = filters.length === 1 ? filters[0] : undefined;
  return only === 'unread' || only === 'starred' ? KEPT_COUNTS[only] : null;
}

/** The order walked newest (largest, last in the alphabet) first; ascending reads it backwards. */
export function listOrder(sort: ListSort = DEFAULT_SORT, filter?: ListFilter): ListOrder {
  const { column, index } = COLUMNS[sort.by];
  const filters = activeFilters(filter);
  const conditions = filters.map((name) => FILTER_SQL[name]).join('');
  const byFlags = filters.some((name) => name !== 'attachments');
  const keep = filters.length > 0 ? [...new Set(filter?.keep ?? [])].sort((a, b) => a - b) : [];
  if (keep.length === 0)
    return {
      key: [sort.by, ...filters].join('|'),
      column,
      index,
      where: conditions,
      params: [],
      filtered: filters.length > 0,
      byFlags,
      keptCount: keptCountOf(filters),
    };
  // id is in every order's index: the walk still reads the index alone
  return {
    key: [sort.by, ...filters, `keep:${keep.join(',')}`].join('|'),
    column,
    index,
    where: ` AND ((1${conditions}) OR id IN (SELECT value FROM json_each(?)))`,
    params: [JSON.stringify(keep)],
    filtered: true,
    byFlags,
    keptCount: null,
  };
}

/** The date index, whose entries hold every filter column: where a filtered count walks. */
export const COUNT_INDEX = 'messages_by_date';

/**
 * Whether a window of `order`, narrowed to `filtered` of the mailbox's `all` rows, is read by
 * picking those rows through the date index and sorting them, rather than by walking the order's
 * own index and reading each row's flags from the table. The walk reads about all / filtered
 * rows per row it lists, 50 of them at the top; the sort reads each filtered row once: the walk
 * costs less once filtered² ≥ 50 · all (2,237 of 100,000, 7,072 of 1,000,000).
 */
export function throughDateIndex(order: ListOrder, filtered: number, all: number): boolean {
  return order.byFlags && order.index !== COUNT_INDEX && filtered * filtered < 50 * all;
}

/** The same order (same rows, same sequence) read through the date index. */
export function viaDateIndex(order: ListOrder): ListOrder {
  return { ...order, index: COUNT_INDEX };
}

export const DATE_ORDER = listOrder();
