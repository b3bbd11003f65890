// The listbox's own keys (WAI-ARIA): arrows, Home/End, Page Up/Down, with Shift to extend.
// Everything else (j/k, e, #, g i ...) comes from the keymap, wherever the focus is.
import type { KeyboardEvent, RefObject } from 'react';
import type { MessageWindowStore } from './message-window-store';
import { ROW_HEIGHT } from './MessageRow';
import { type Selection, selectOnly, selectRange } from './selection';

interface ListKeys {
  store: MessageWindowStore | null;
  total: number | null;
  currentIndex: number;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Brings a row into view (the virtualizer's, which knows rows not in the DOM). */
  scrollToIndex: (index: number) => void;
}

export function useListKeys({
  store,
  total,
  currentIndex,
  selection,
  onSelectionChange,
  scrollRef,
  scrollToIndex,
}: ListKeys): (event: KeyboardEvent<HTMLDivElement>) => void {
  const moveTo = (index: number, extend: boolean) => {
    if (!store || total === null || total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    scrollToIndex(target);
    const row = store.getRow(target);
    if (!row) {
      void store.loadRange(target, target);
      return;
    }
    if (extend && selection.anchorIndex !== null) {
      const ids = store.idsInRange(selection.anchorIndex, target);
      if (ids)
        onSelectionChange({ ...selectRange(selection, ids, row.id, target), anchorIndex: selection.anchorIndex });
      return;
    }
    onSelectionChange(selectOnly(row.id, target));
  };

  return (event) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const from = currentIndex >= 0 ? currentIndex : -1;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: Math.max(0, from - 1),
      PageDown: from + pageRows,
      PageUp: Math.max(0, from - pageRows),
      Home: 0,
      End: (total ?? 1) - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target, event.shiftKey);
    }
  };
}
