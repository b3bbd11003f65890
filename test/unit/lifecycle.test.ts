// The disposable store: newest first, each step after the one before, every step even when
// one fails, and only once however often it is asked.
import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from '../../electron/core/lifecycle';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('DisposableStore', () => {
  it('disposes newest first, waiting for each step before the next', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => void order.push('database')));
    store.add(
      toDisposable(async () => {
        await tick();
        order.push('accounts');
      }),
    );
    store.add(toDisposable(() => void order.push('sending')));
    await store.dispose();
    expect(order).toEqual(['sending', 'accounts', 'database']);
  });

  it('runs every step when one fails, then throws the first failure', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => void order.push('database')));
    store.add(
      toDisposable(() => {
        throw new Error('the older step failed');
      }),
    );
    store.add(
      toDisposable(async () => {
        throw new Error('the newest step failed');
      }),
    );
    await expect(store.dispose()).rejects.toThrow('the newest step failed');
    expect(order).toEqual(['database']);
  });

  it('disposes once, however often it is asked', async () => {
    let ended = 0;
    const store = new DisposableStore();
    store.add(toDisposable(() => void ended++));
    const first = store.dispose();
    const second = store.dispose();
    expect(second).toBe(first);
    await first;
    await store.dispose();
    expect(ended).toBe(1);
    expect(store.isDisposed).toBe(true);
  });

  it('disposes at once what is added after it was disposed', async () => {
    const store = new DisposableStore();
    await store.dispose();
    let ended = false;
    const added = store.add(toDisposable(() => void (ended = true)));
    await tick();
    expect(ended).toBe(true);
    expect(added).toBeDefined();
  });
});

describe('toDisposable', () => {
  it('ends only once', async () => {
    let ended = 0;
    const item = toDisposable(() => void ended++);
    await item.dispose();
    await item.dispose();
    expect(ended).toBe(1);
  });
});
