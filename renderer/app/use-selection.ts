// The list's selection, and a mirror of it that is current between renders: a held j moves
// faster than React renders, so each step must start from the previous step's result, not from
// the last rendered selection.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Selection, emptySelection } from '../message-list/selection';

export interface SelectionState {
  selection: Selection;
  /** Sets the selection and its mirror at once (every step of a held key goes through here). */
  changeSelection: (next: Selection) => void;
  /** For updates computed from the previous state (a removal reported by the engine). */
  updateSelection: (update: (previous: Selection) => Selection) => void;
  /** The freshest selection, also between renders. */
  latestSelection: () => Selection;
}

export function useSelection(): SelectionState {
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const mirror = useRef(selection);
  useEffect(() => {
    mirror.current = selection;
  }, [selection]);
  const changeSelection = useCallback((next: Selection) => {
    mirror.current = next;
    setSelection(next);
  }, []);
  const latestSelection = useCallback(() => mirror.current, []);
  return { selection, changeSelection, updateSelection: setSelection, latestSelection };
}
