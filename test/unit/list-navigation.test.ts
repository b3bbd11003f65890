import { describe, expect, it } from 'vitest';
import type { MessageHeader } from '../../shared/domain';
import { stepSelection } from '../../renderer/message-list/list-navigation';
import {
  type Selection,
  actionTargets,
  emptySelection,
  moveCursor,
  selectAll,
  selectNone,
  selectOnly,
  toggleCurrent,
} from '../../renderer/message-list/selection';

/** A list of `total` rows whose ids are 100 + index; `missing` rows are not loaded yet. */
function rows(total: number, missing: number[] = []) {
  const row = (index: number) => ({ id: 100 + index }) as MessageHeader;
  return {
    total,
    getRow: (index: number) => (index >= 0 && index < total && !missing.includes(index) ? row(index) : undefined),
    indexOf: (id: number) => (id >= 100 && id < 100 + total ? id - 100 : -1),
    idsInRange: (start: number, end: number) => {
      const out: number[] = [];
      for (let i = Math.min(start, end); i <= Math.max(start, end); i++) {
        if (missing.includes(i)) return null;
        out.push(100 + i);
      }
      return out;
    },
  };
}

const ids = (selection: Selection) => [...selection.ids].sort((a, b) => a - b);

function moved(step: ReturnType<typeof stepSelection>): Selection {
  if (step.kind !== 'moved') throw new Error(`expected a move, got ${step.kind}`);
  return step.selection;
}

describe('keyboard navigation in the list', () => {
  it('j after the open message’s page left the cache reads it back and steps from its place, not from the top', () => {
    const cached = new Set([0, 1, 2]);
    const list = {
      ...rows(10_000),
      getRow: (index: number) => (cached.has(index) ? ({ id: 100 + index } as MessageHeader) : undefined),
      indexOf: (id: number) => (cached.has(id - 100) ? id - 100 : -1),
    };
    const open = selectOnly(100 + 7_000, 7_000);
    expect(stepSelection(list, open, 1, false)).toEqual({ kind: 'loading', index: 7_000 });
    for (let index = 6_990; index < 7_010; index++) cached.add(index);
    expect(moved(stepSelection(list, open, 1, false)).currentId).toBe(100 + 7_001);
    // the message was removed meanwhile: its old place still counts
    cached.delete(7_000);
    const gone = {
      ...list,
      getRow: (index: number) => (index >= 6_990 && index < 7_010 ? ({ id: 1 + index } as MessageHeader) : undefined),
    };
    expect(moved(stepSelection(gone, open, 1, false)).currentId).toBe(1 + 7_001);
  });

  it('j with nothing selected opens the first message; j/k then step through', () => {
    const list = rows(5);
    let selection = moved(stepSelection(list, emptySelection, 1, false));
    expect(selection.currentId).toBe(100);
    selection = moved(stepSelection(list, selection, 1, false));
    selection = moved(stepSelection(list, selection, 1, false));
    expect(selection.currentId).toBe(102);
    expect(ids(selection)).toEqual([102]);
    selection = moved(stepSelection(list, selection, -1, false));
    expect(selection.currentId).toBe(101);
  });

  it('stops at either end', () => {
    const list = rows(2);
    const last = selectOnly(101, 1);
    expect(stepSelection(list, last, 1, false)).toEqual({ kind: 'edge' });
    expect(stepSelection(list, selectOnly(100, 0), -1, false)).toEqual({ kind: 'edge' });
    expect(stepSelection(rows(0), emptySelection, 1, false)).toEqual({ kind: 'edge' });
  });

  it('asks for rows that are not loaded yet', () => {
    expect(stepSelection(rows(5, [3]), selectOnly(102, 2), 1, false)).toEqual({ kind: 'loading', index: 3 });
  });

  it('Shift+j/k extend from the anchor and shrink back', () => {
    const list = rows(6);
    let selection = selectOnly(101, 1);
    selection = moved(stepSelection(list, selection, 1, true));
    selection = moved(stepSelection(list, selection, 1, true));
    expect(ids(selection)).toEqual([101, 102, 103]);
    expect(selection.currentId).toBe(103);
    selection = moved(stepSelection(list, selection, -1, true));
    expect(ids(selection)).toEqual([101, 102]);
    expect(selection.kept).toBe(true);
  });

  it('x checks messages; j/k then move only the cursor, and actions apply to the checked ones', () => {
    const list = rows(6);
    let selection = toggleCurrent(selectOnly(100, 0), 0); // x on the open message
    expect(ids(selection)).toEqual([100]);
    expect(selection.kept).toBe(true);
    selection = moved(stepSelection(list, selection, 1, false));
    selection = moved(stepSelection(list, selection, 1, false));
    expect(selection.currentId).toBe(102);
    expect(ids(selection)).toEqual([100]);
    selection = toggleCurrent(selection, 2);
    expect(ids(selection)).toEqual([100, 102]);
    expect(actionTargets(selection).sort()).toEqual([100, 102]);
    // x again unchecks; unchecking the last one returns to a plain selection
    selection = toggleCurrent(selection, 2);
    expect(ids(selection)).toEqual([100]);
    selection = toggleCurrent(moveCursor(selection, 100, 0), 0);
    expect(selection).toEqual(selectOnly(100, 0));
  });

  it('* a selects everything, * n nothing but the open message', () => {
    const all = selectAll(selectOnly(102, 2), [100, 101, 102, 103]);
    expect(ids(all)).toEqual([100, 101, 102, 103]);
    expect(all.currentId).toBe(102);
    const none = selectNone(all);
    expect(ids(none)).toEqual([102]);
    expect(none.kept).toBeFalsy();
    expect(selectNone(emptySelection)).toBe(emptySelection);
  });
});
