// How the message list is ordered and narrowed: a sort key with its direction, and the quick
// filters beside the search field. The same shapes travel as optional arguments of
// messages.window and messages.unifiedWindow; left out, the list is newest first and unfiltered.
import { z } from 'zod';
import { messageIdSchema } from './schemas';

export const SORT_KEYS = ['date', 'sender', 'subject', 'size'] as const;
export const sortKeySchema = z.enum(SORT_KEYS);
export const sortDirectionSchema = z.enum(['asc', 'desc']);

export const listSortSchema = z.object({ by: sortKeySchema, direction: sortDirectionSchema });

/** Each filter set narrows the list; several together must all hold. */
export const listFilterSchema = z.object({
  unread: z.boolean().optional(),
  starred: z.boolean().optional(),
  attachments: z.boolean().optional(),
  /**
   * Messages listed whatever the filters say: the one being read, so that reading an unread
   * message with "Unread" on does not take it from under the reader (it goes at the next
   * change once another is open).
   */
  keep: z.array(messageIdSchema).max(50).optional(),
});

export type SortKey = z.infer<typeof sortKeySchema>;
export type SortDirection = z.infer<typeof sortDirectionSchema>;
export type ListSort = z.infer<typeof listSortSchema>;
export type ListFilter = z.infer<typeof listFilterSchema>;
export type QuickFilter = Exclude<keyof ListFilter, 'keep'>;

export const QUICK_FILTERS: readonly QuickFilter[] = ['unread', 'starred', 'attachments'];

export const DEFAULT_SORT: ListSort = { by: 'date', direction: 'desc' };

/** The direction a key starts in when first chosen: newest, largest first; names from A. */
export function initialDirection(by: SortKey): SortDirection {
  return by === 'date' || by === 'size' ? 'desc' : 'asc';
}

/** Choosing the key already in use turns its direction around; another key starts in its own. */
export function nextSort(current: ListSort, by: SortKey): ListSort {
  if (current.by === by) return { by, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { by, direction: initialDirection(by) };
}

export function isDefaultSort(sort: ListSort | undefined): boolean {
  return !sort || (sort.by === DEFAULT_SORT.by && sort.direction === DEFAULT_SORT.direction);
}

export function activeFilters(filter: ListFilter | undefined): QuickFilter[] {
  return filter ? QUICK_FILTERS.filter((name) => filter[name] === true) : [];
}
