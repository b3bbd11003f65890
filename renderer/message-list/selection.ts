// Multi-selection in the message list, kept by message id (not row index) so that mail
// arriving or leaving above the selection never moves it to another message.
import type { MessageId } from '../../shared/domain';

export interface Selection {
  ids: ReadonlySet<MessageId>;
  /** The message the reading pane shows and keyboard navigation starts from. */
  currentId: MessageId | null;
  /** Where a Shift+click range starts (a row index: ranges are positional by nature). */
  anchorIndex: number | null;
  /**
   * The selection was built on purpose (x, Shift+j/k, Ctrl/Cmd+click, select all): moving
   * with j/k then moves only the cursor (`currentId`) and keeps the selected messages, as
   * Gmail's check marks do. Absent or false: the selection is just the current message.
   */
  kept?: boolean;
}

export const emptySelection: Selection = { ids: new Set(), currentId: null, anchorIndex: null };

/** A plain click or arrow key: just this message. */
export function selectOnly(id: MessageId, index: number): Selection {
  return { ids: new Set([id]), currentId: id, anchorIndex: index };
}

/** Ctrl/Cmd+click: add or remove one message, keeping the rest. */
export function toggleOne(selection: Selection, id: MessageId, index: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) {
    ids.delete(id);
    const currentId = selection.currentId === id ? (ids.values().next().value ?? null) : selection.currentId;
    return { ids, currentId, anchorIndex: index, kept: true };
  }
  ids.add(id);
  return { ids, currentId: id, anchorIndex: index, kept: true };
}

/**
 * "x": checks or unchecks the current message. The first x keeps the current message as the
 * start of a multi-selection; unchecking the last one returns to plain single selection.
 */
export function toggleCurrent(selection: Selection, index: number): Selection {
  const id = selection.currentId;
  if (id === null) return selection;
  if (!selection.kept) return { ids: new Set([id]), currentId: id, anchorIndex: index, kept: true };
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  if (ids.size === 0) return selectOnly(id, index);
  return { ids, currentId: id, anchorIndex: index, kept: true };
}

/** j/k: with a kept selection only the cursor moves; otherwise the selection follows it. */
export function moveCursor(selection: Selection, id: MessageId, index: number): Selection {
  if (selection.kept && selection.ids.size > 0) return { ...selection, currentId: id, anchorIndex: index };
  return selectOnly(id, index);
}

/** "* a": every message of the folder, the cursor staying where it is. */
export function selectAll(selection: Selection, ids: readonly MessageId[]): Selection {
  if (ids.length === 0) return selection;
  const currentId = selection.currentId !== null && ids.includes(selection.currentId) ? selection.currentId : ids[0]!;
  return { ids: new Set(ids), currentId, anchorIndex: selection.anchorIndex, kept: true };
}

/** "* n": nothing checked any more; the current message stays open. */
export function selectNone(selection: Selection): Selection {
  if (selection.currentId === null) return emptySelection;
  return { ids: new Set([selection.currentId]), currentId: selection.currentId, anchorIndex: selection.anchorIndex };
}

/**
 * Shift+click or Shift+arrow: everything from the anchor to `index`. `rangeIds` are the ids of
 * the rows between them (inclusive); `additive` (Ctrl/Cmd held too) keeps the earlier selection.
 */
export function selectRange(
  selection: Selection,
  rangeIds: readonly MessageId[],
  targetId: MessageId,
  targetIndex: number,
  additive = false,
): Selection {
  const ids = new Set(additive ? selection.ids : []);
  for (const id of rangeIds) ids.add(id);
  ids.add(targetId);
  return { ids, currentId: targetId, anchorIndex: selection.anchorIndex ?? targetIndex, kept: true };
}

/** Drops messages that no longer exist (moved, deleted elsewhere). */
export function withoutIds(selection: Selection, removed: readonly MessageId[]): Selection {
  if (!removed.some((id) => selection.ids.has(id) || selection.currentId === id)) return selection;
  const gone = new Set(removed);
  const ids = new Set([...selection.ids].filter((id) => !gone.has(id)));
  const currentId = selection.currentId !== null && gone.has(selection.currentId) ? null : selection.currentId;
  return { ids, currentId, anchorIndex: selection.anchorIndex, kept: selection.kept && ids.size > 0 };
}

/** The ids an action applies to: the selection, or the current message alone. */
export function actionTargets(selection: Selection): MessageId[] {
  if (selection.ids.size > 0) return [...selection.ids];
  return selection.currentId !== null ? [selection.currentId] : [];
}

/**
 * Where the selection goes after the selected messages leave the list (archive, delete,
 * move): the first remaining message below them, else the nearest one above, as in
 * Apple Mail and Thunderbird. `rowAt` reads the list as it is before the removal.
 */
export function selectionAfterRemoval(
  removedIds: readonly MessageId[],
  indexOf: (id: MessageId) => number,
  rowAt: (index: number) => { id: MessageId } | undefined,
): Selection {
  const gone = new Set(removedIds);
  const indices = removedIds.map(indexOf).filter((index) => index >= 0);
  if (indices.length === 0) return emptySelection;
  const last = Math.max(...indices);
  const first = Math.min(...indices);
  const removedAbove = (index: number) => indices.filter((removed) => removed < index).length;
  for (let index = last + 1; index <= last + 200; index++) {
    const row = rowAt(index);
    if (!row) break;
    if (!gone.has(row.id)) return selectOnly(row.id, index - removedAbove(index));
  }
  for (let index = first - 1; index >= 0 && index >= first - 200; index--) {
    const row = rowAt(index);
    if (!row) break;
    if (!gone.has(row.id)) return selectOnly(row.id, index);
  }
  return emptySelection;
}
