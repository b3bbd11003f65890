// Back in contact after losing the engine: read again what may have changed meanwhile (the
// accounts, the list on screen). Only on a new contact, not whenever the list or the reload
// function changes: those are read as they are at that moment.
import { useEffect } from 'react';
import type { MessageWindowStore } from '../message-list/message-window-store';

/** `epoch`: 0 until the contact is first lost, then one more each time it comes back. */
export function useReloadOnReconnect(
  epoch: number,
  reloadAccounts: () => Promise<void>,
  store: MessageWindowStore | null,
): void {
  useEffect(() => {
    if (epoch === 0) return;
    void reloadAccounts();
    void store?.invalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a regained contact only (see above)
  }, [epoch]);
}
