// The list's scroll position and the rule that keeps what the user reads in place: a new list
// starts at the top, and when mail arrives (or leaves) above the rows being read, the scroll
// offset moves with them. The offset is remembered as the scroll events report it: reading
// scrollTop after a render has changed the DOM forces a layout, which a key press should not pay.
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { MessageWindowStore } from './message-window-store';
import { ROW_HEIGHT } from './MessageRow';

/** The first page a new list reads at once. */
const FIRST_ROWS = 40;

export interface ListScroll {
  /** The scroll offset as last reported (or as written here). */
  knownScrollTop: RefObject<number>;
  /** For the list's scroll events. */
  noteScroll: (scrollTop: number) => void;
}

export function useListScroll(
  scrollRef: RefObject<HTMLDivElement | null>,
  store: MessageWindowStore | null,
  version: number,
  rowHeight: number = ROW_HEIGHT,
): ListScroll {
  const anchor = useRef<{ id: number; index: number } | null>(null);
  const knownScrollTop = useRef(0);

  const recordAnchor = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !store) return;
    const index = Math.floor(knownScrollTop.current / rowHeight);
    const row = store.getRow(index);
    anchor.current = row ? { id: row.id, index } : null;
  }, [scrollRef, store, rowHeight]);

  useEffect(() => {
    if (!store) return;
    anchor.current = null;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    knownScrollTop.current = 0;
    void store.setVisibleRange(0, FIRST_ROWS);
  }, [scrollRef, store]);

  useLayoutEffect(() => {
    void version; // rows changed: the anchor may have moved
    const element = scrollRef.current;
    if (!element || !store) return;
    const previous = anchor.current;
    if (previous && knownScrollTop.current > 0) {
      const index = store.indexOf(previous.id);
      if (index >= 0 && index !== previous.index) {
        element.scrollTop += (index - previous.index) * rowHeight;
        knownScrollTop.current = element.scrollTop;
      }
    }
    recordAnchor();
  }, [scrollRef, version, store, recordAnchor, rowHeight]);

  const noteScroll = useCallback(
    (scrollTop: number) => {
      knownScrollTop.current = scrollTop;
      recordAnchor();
    },
    [recordAnchor],
  );

  return { knownScrollTop, noteScroll };
}
