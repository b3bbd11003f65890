// Enter in the search field: the list takes the focus and the first result is selected as soon
// as it is loaded (the results of the query just committed may still be on their way).
import { useCallback, useEffect, useRef, useState } from 'react';
import { focusPane } from '../keyboard/pane-focus';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { type Selection, selectOnly } from '../message-list/selection';

const JUMP_WAIT_MS = 3_000;

export function useJumpIntoResults(
  store: MessageWindowStore | null,
  version: number,
  changeSelection: (next: Selection) => void,
): () => void {
  const pendingSince = useRef<number | null>(null);
  // a state, not only the ref: the jump is looked at after the render that committed the query
  const [request, setRequest] = useState(0);

  useEffect(() => {
    const since = pendingSince.current;
    if (since === null || !store) return;
    if (Date.now() - since > JUMP_WAIT_MS) {
      pendingSince.current = null;
      return;
    }
    const first = store.getRow(0);
    if (!first) return;
    pendingSince.current = null;
    changeSelection(selectOnly(first.id, 0));
    focusPane('list');
  }, [store, version, request, changeSelection]);

  return useCallback(() => {
    pendingSince.current = Date.now();
    setRequest((n) => n + 1);
    focusPane('list');
  }, []);
}
