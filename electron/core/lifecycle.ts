// Ending things in the right order. What is built on something else must go before it (the
// accounts before the database they write to), every step must run even when one before it
// fails (one connection that will not log out must not keep the database open), and ending
// twice must do nothing the second time. A DisposableStore gives all three: add what must be
// ended as it is built, and dispose() ends it in reverse order, once.
//
// The verbs, one meaning each (docs/lifecycle.md): start()/stop() pause and resume a worker
// that may run again; close() ends a connection, file, thread or server for good; dispose()
// ends anything else for good (subscriptions, timers, background work, a DisposableStore);
// settled() waits until nothing is queued or running and stops nothing.

/** Something that must be ended for good. dispose() may be called more than once. */
export interface Disposable {
  dispose(): void | Promise<void>;
}

/** Wraps an ending step (`() => store.close()`) so it can be held like any Disposable. */
export function toDisposable(end: () => void | Promise<void>): Disposable {
  let ended = false;
  return {
    dispose() {
      if (ended) return;
      ended = true;
      return end();
    },
  };
}

export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposing: Promise<void> | null = null;

  get isDisposed(): boolean {
    return this.disposing !== null;
  }

  /**
   * Holds `item` until the store is disposed, and returns it. Added to a store that is already
   * disposed, it is disposed at once: something that arrives during shutdown must not outlive it.
   */
  add<T extends Disposable>(item: T): T {
    if (this.disposing)
      void Promise.resolve()
        .then(() => item.dispose())
        .catch(() => undefined);
    else this.items.push(item);
    return item;
  }

  /**
   * Disposes everything held, newest first, each after the one before has finished. Every item
   * is disposed even if others fail; the first failure is thrown once all are done. Later
   * calls return the same promise.
   */
  dispose(): Promise<void> {
    this.disposing ??= this.disposeAll();
    return this.disposing;
  }

  private async disposeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const item of this.items.splice(0).reverse()) {
      try {
        await item.dispose();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}
