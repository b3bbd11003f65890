// The current message stays in view however it became current (j/k from any pane, the
// neighbour taking over after an archive, an undo bringing a message back). Only when it is not
// in view already: the virtualizer's cached scroll offset and viewport answer without touching
// the DOM. And not in the key press's task: a scroll write (and scrollToIndex's measuring)
// forces a layout of the DOM the press has just changed, and the scroll event it raises
// re-renders the rows before the frame is painted. Written at the start of the next frame
// instead, its layout is that frame's own, the overscanned rows already cover the row scrolled
// to, and the rows catch up on the following frame (docs/architecture.md, "Reading fast").
import { type RefObject, useEffect, useMemo } from 'react';
import type { MessageId } from '../../shared/domain';
import type { MessageWindowStore } from './message-window-store';
import { ROW_HEIGHT } from './MessageRow';

/** What the list knows of its viewport without reading the DOM (the virtualizer's cache). */
export interface CachedViewport {
  scrollOffset: number | null;
  scrollRect: { height: number } | null;
}

/** Returns the current message's index (-1 when none is current or it is not loaded). */
export function useCurrentInView(
  store: MessageWindowStore | null,
  version: number,
  currentId: MessageId | null,
  viewport: CachedViewport,
  scrollRef: RefObject<HTMLDivElement | null>,
  knownScrollTop: RefObject<number>,
  rowHeight: number = ROW_HEIGHT,
): number {
  // Looked up once per list change, not on every scrolled frame: indexOf scans the loaded pages.
  const currentIndex = useMemo(() => {
    void version; // the store changed: look again
    return store && currentId !== null ? store.indexOf(currentId) : -1;
  }, [store, version, currentId]);

  useEffect(() => {
    if (currentIndex < 0) return;
    const top = currentIndex * rowHeight;
    const offset = viewport.scrollOffset;
    const height = viewport.scrollRect?.height;
    if (offset !== null && height !== undefined && top >= offset && top + rowHeight <= offset + height) return;
    const frame = requestAnimationFrame(() => {
      const element = scrollRef.current;
      if (!element) return;
      const viewportHeight = element.clientHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + viewportHeight)
        element.scrollTop = top + rowHeight - viewportHeight;
      knownScrollTop.current = element.scrollTop;
    });
    return () => cancelAnimationFrame(frame);
  }, [currentId, currentIndex, viewport, scrollRef, knownScrollTop, rowHeight]);

  return currentIndex;
}
