import { describe, expect, it } from 'vitest';
import {
  actionTargets,
  emptySelection,
  selectOnly,
  selectRange,
  selectionAfterRemoval,
  toggleOne,
  withoutIds,
} from '../../renderer/message-list/selection';

const ids = (selection: { ids: ReadonlySet<number> }) => [...selection.ids].sort((a, b) => a - b);

describe('message selection', () => {
  it('a click selects one message and makes it current', () => {
    const selection = selectOnly(7, 3);
    expect(ids(selection)).toEqual([7]);
    expect(selection.currentId).toBe(7);
    expect(selection.anchorIndex).toBe(3);
  });

  it('Ctrl/Cmd+click adds and removes single messages', () => {
    let selection = selectOnly(1, 0);
    selection = toggleOne(selection, 5, 4);
    expect(ids(selection)).toEqual([1, 5]);
    expect(selection.currentId).toBe(5);
    selection = toggleOne(selection, 5, 4);
    expect(ids(selection)).toEqual([1]);
    expect(selection.currentId).toBe(1);
  });

  it('Shift+click selects the range from the anchor, replacing or (with Ctrl) extending', () => {
    const start = toggleOne(selectOnly(100, 0), 200, 9);
    const replaced = selectRange(start, [203, 204, 205], 205, 12);
    expect(ids(replaced)).toEqual([203, 204, 205]);
    expect(replaced.currentId).toBe(205);
    expect(replaced.anchorIndex).toBe(9);
    const extended = selectRange(start, [203, 204], 204, 11, true);
    expect(ids(extended)).toEqual([100, 200, 203, 204]);
  });

  it('forgets messages that were removed elsewhere but keeps the rest', () => {
    const selection = selectRange(selectOnly(1, 0), [1, 2, 3], 3, 2);
    const after = withoutIds(selection, [3, 99]);
    expect(ids(after)).toEqual([1, 2]);
    expect(after.currentId).toBeNull();
    expect(withoutIds(selection, [42])).toBe(selection);
  });

  it('actions apply to the selection, or to the open message', () => {
    expect(actionTargets(emptySelection)).toEqual([]);
    expect(actionTargets({ ids: new Set(), currentId: 4, anchorIndex: null })).toEqual([4]);
    expect(actionTargets(selectRange(selectOnly(1, 0), [1, 2], 2, 1)).sort()).toEqual([1, 2]);
  });

  it('after archiving, the next message below is selected, else the one above', () => {
    const rows = [10, 11, 12, 13, 14].map((id) => ({ id }));
    const indexOf = (id: number) => rows.findIndex((row) => row.id === id);
    const rowAt = (index: number) => rows[index];
    const below = selectionAfterRemoval([11, 12], indexOf, rowAt);
    expect(below.currentId).toBe(13);
    expect(below.anchorIndex).toBe(1); // where 13 sits once 11 and 12 are gone
    expect(selectionAfterRemoval([14], indexOf, rowAt).currentId).toBe(13);
    expect(selectionAfterRemoval([10, 11, 12, 13, 14], indexOf, rowAt)).toEqual(emptySelection);
  });
});
