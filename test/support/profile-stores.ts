// Tests of what outlives a restart (the user-data copy, the durable copy of POP3 mail) open a
// profile's Store, close it, damage a file and open the same folder again, several times in one
// test. Store.close is not safe to call twice: it writes the copies again and releases the
// profile lock, which by then a later Store on the same folder may hold. So each Store is closed
// exactly once: by the test (as a quit would), or after it if the test left it open.
import { Store } from '../../electron/core/store/store';
import type { TestCleanup } from './cleanup';

export interface ProfileStores {
  /** The profile in `dir` opened as the app opens it; closed after the test unless close() was called. */
  open(dir: string, log?: (message: string) => void): Store;
  /** Closes a store now, as quitting does (the copies brought up to date, the lock released). */
  close(store: Store): void;
}

export function profileStores(cleanup: TestCleanup): ProfileStores {
  const open = new Set<Store>();
  const close = (store: Store) => {
    if (open.delete(store)) store.close();
  };
  return {
    open(dir, log) {
      const store = Store.open(dir, log);
      open.add(store);
      cleanup.push(() => close(store));
      return store;
    },
    close,
  };
}
