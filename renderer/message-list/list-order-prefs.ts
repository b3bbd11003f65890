// The list's sort, remembered across restarts (one for every list: choosing "by sender" once
// keeps it when another folder opens), and the quick filters, which last for the session only:
// a filter left on from yesterday would hide new mail without saying why.
import {
  DEFAULT_SORT,
  type ListFilter,
  type ListSort,
  type QuickFilter,
  listSortSchema,
} from '../../shared/list-order';

export const SORT_STORAGE_KEY = 'mail.listSort';

/** The saved sort, or the default when there is none or it cannot be read. */
export function readSavedSort(storage: Pick<Storage, 'getItem'>): ListSort {
  try {
    const parsed = listSortSchema.safeParse(JSON.parse(storage.getItem(SORT_STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : DEFAULT_SORT;
  } catch {
    return DEFAULT_SORT;
  }
}

export function saveSort(storage: Pick<Storage, 'setItem'>, sort: ListSort): void {
  try {
    storage.setItem(SORT_STORAGE_KEY, JSON.stringify(sort));
  } catch {
    // Remembered for this session only.
  }
}

/** The filters with one turned on or off; an unchanged object when nothing changes. */
export function toggleFilter(filter: ListFilter, name: QuickFilter, on = !filter[name]): ListFilter {
  if ((filter[name] === true) === on) return filter;
  const next = { ...filter };
  if (on) next[name] = true;
  else delete next[name];
  return next;
}

/**
 * The query a search runs with the quick filters on: the filters as the operators the search
 * already knows, so a filtered search narrows the results the same way the filters narrow a folder.
 */
export function filteredQuery(query: string, filter: ListFilter): string {
  const operators = [
    filter.unread && 'is:unread',
    filter.starred && 'is:starred',
    filter.attachments && 'has:attachment',
  ].filter((op): op is string => typeof op === 'string');
  return operators.length ? `${query} ${operators.join(' ')}` : query;
}
