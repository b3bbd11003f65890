// Clicks on rows: a click selects one message, Ctrl/Cmd+click adds or removes one, Shift+click
// selects the range from the anchor (reading the rows it spans first, up to a limit). One
// stable callback serves every row, so a selection change re-renders only the rows whose props
// changed (MessageRow is memoized) instead of every mounted row.
import { type MouseEvent, useCallback, useLayoutEffect, useRef } from 'react';
import type { MessageHeader } from '../../shared/domain';
import type { MessageWindowStore } from './message-window-store';
import { type Selection, selectOnly, selectRange, toggleOne } from './selection';

/** A Shift+click never reads more than this many rows to build its range. */
const MAX_RANGE = 10_000;

export type RowClick = (index: number, header: MessageHeader, event: MouseEvent) => void;

export function useRowClicks(
  store: MessageWindowStore | null,
  selection: Selection,
  onSelectionChange: (selection: Selection) => void,
): RowClick {
  const handleRowClick = async (index: number, header: MessageHeader, event: MouseEvent) => {
    if (!store) return;
    if (event.metaKey || event.ctrlKey) {
      onSelectionChange(toggleOne(selection, header.id, index));
      return;
    }
    if (event.shiftKey && selection.anchorIndex !== null) {
      const from = selection.anchorIndex;
      const start = index >= from ? Math.max(from, index - MAX_RANGE) : index;
      const end = index >= from ? index : Math.min(from, index + MAX_RANGE);
      let ids = store.idsInRange(start, end);
      if (!ids) {
        await store.loadRange(start, end);
        ids = store.idsInRange(start, end) ?? [];
      }
      onSelectionChange(selectRange(selection, ids, header.id, index));
      return;
    }
    onSelectionChange(selectOnly(header.id, index));
  };

  // Clicks come after the render that drew the row: the handler of that render is in place.
  const latestRowClick = useRef(handleRowClick);
  useLayoutEffect(() => {
    latestRowClick.current = handleRowClick;
  });
  return useCallback((index, header, event) => void latestRowClick.current(index, header, event), []);
}
