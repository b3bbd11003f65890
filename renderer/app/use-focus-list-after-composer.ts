// The composer took the focus; when it closes, the keyboard goes back to the list rather than
// to nowhere (the page body), so j/k work again at once.
import { useEffect } from 'react';
import { focusPane } from '../keyboard/pane-focus';

export function useFocusListAfterComposer(composing: boolean): void {
  useEffect(() => {
    if (composing) return;
    if (document.activeElement === null || document.activeElement === document.body) focusPane('list');
  }, [composing]);
}
