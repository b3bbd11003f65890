// The order and quick filters of the list on screen: the sort is remembered (list-order-prefs.ts),
// the filters last for the session. The objects stay the same until they change, since a new
// sort or filter is a new list (a new page cache).
import { useCallback, useMemo, useState } from 'react';
import { type ListFilter, type ListSort, type QuickFilter, type SortKey, nextSort } from '../../shared/list-order';
import { readSavedSort, saveSort, toggleFilter } from './list-order-prefs';

export interface ListOrderState {
  sort: ListSort;
  filter: ListFilter;
  /** The key already in use turns its direction around; another starts in its own direction. */
  sortBy: (by: SortKey) => void;
  setSort: (sort: ListSort) => void;
  reverse: () => void;
  toggle: (name: QuickFilter) => void;
}

export function useListOrder(): ListOrderState {
  const [sort, setSortState] = useState<ListSort>(() => readSavedSort(window.localStorage));
  const [filter, setFilter] = useState<ListFilter>({});

  const setSort = useCallback((next: ListSort) => {
    saveSort(window.localStorage, next);
    setSortState(next);
  }, []);
  const sortBy = useCallback((by: SortKey) => setSort(nextSort(sort, by)), [sort, setSort]);
  const reverse = useCallback(
    () => setSort({ by: sort.by, direction: sort.direction === 'asc' ? 'desc' : 'asc' }),
    [sort, setSort],
  );
  const toggle = useCallback((name: QuickFilter) => setFilter((previous) => toggleFilter(previous, name)), []);
  return useMemo(
    () => ({ sort, filter, sortBy, setSort, reverse, toggle }),
    [sort, filter, sortBy, setSort, reverse, toggle],
  );
}
