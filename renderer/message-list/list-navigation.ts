// Moving through the list from the keyboard (j/k, Shift+j/k, select all), on top of the
// store's loaded rows. Synchronous when the rows are there, which is nearly always: the
// rows around the current one are on screen and so already read.
import type { MessageWindowStore } from './message-window-store';
import { type Selection, moveCursor, selectRange } from './selection';

export type Step = { kind: 'moved'; selection: Selection } | { kind: 'edge' } | { kind: 'loading'; index: number };

type Rows = Pick<MessageWindowStore, 'total' | 'indexOf' | 'getRow' | 'idsInRange'>;

/**
 * One step down (+1) or up (-1). With nothing selected the first message becomes current.
 * `extend` grows the selection from its anchor (Shift+j/k), otherwise the cursor moves.
 */
export function stepSelection(rows: Rows, selection: Selection, delta: 1 | -1, extend: boolean): Step {
  const total = rows.total ?? 0;
  if (total === 0) return { kind: 'edge' };
  let from = selection.currentId !== null ? rows.indexOf(selection.currentId) : -1;
  const lastAt = selection.anchorIndex;
  if (from < 0 && selection.currentId !== null && lastAt !== null && lastAt < total) {
    // The current row's page has left the store's cache (the list was scrolled thousands of
    // rows away from the open message): read that page back and step from the message's real
    // place, not from the top. A row there that is not the message (it was removed meanwhile)
    // still marks where it was.
    if (!rows.getRow(lastAt)) return { kind: 'loading', index: lastAt };
    from = lastAt;
  }
  const target = from < 0 ? 0 : Math.max(0, Math.min(total - 1, from + delta));
  if (from >= 0 && target === from) return { kind: 'edge' };
  const row = rows.getRow(target);
  if (!row) return { kind: 'loading', index: target };
  if (!extend || from < 0) return { kind: 'moved', selection: moveCursor(selection, row.id, target) };
  const anchor = selection.anchorIndex ?? from;
  const ids = rows.idsInRange(anchor, target);
  if (!ids) return { kind: 'loading', index: Math.min(anchor, target) };
  return { kind: 'moved', selection: { ...selectRange(selection, ids, row.id, target), anchorIndex: anchor } };
}
