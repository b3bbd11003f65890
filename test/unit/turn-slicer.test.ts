// The FETCH loop's slices of the thread: nothing to await while one lasts, then one turn of the
// event loop, in which what waited (a window request, here a setImmediate queued meanwhile) runs.
import { describe, expect, it } from 'vitest';
import { turnSlicer } from '../../electron/core/imap/sync/turn-slicer';

describe('turnSlicer', () => {
  it('asks for no pause while its slice lasts', () => {
    let now = 0;
    const sliceSpent = turnSlicer(8, () => now);
    for (now = 0; now < 8; now++) expect(sliceSpent()).toBeUndefined();
  });

  it('gives a turn of the event loop once the slice is spent, then starts the next slice', async () => {
    let now = 0;
    const sliceSpent = turnSlicer(8, () => now);
    now = 9;
    const waited: string[] = [];
    setImmediate(() => waited.push('a request that came meanwhile'));
    const turn = sliceSpent();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
    expect(waited).toEqual(['a request that came meanwhile']);
    // the new slice counts from the end of the turn
    now = 15;
    expect(sliceSpent()).toBeUndefined();
    now = 17;
    expect(sliceSpent()).toBeInstanceOf(Promise);
  });

  it('lets a queued macrotask run between responses where a plain await would not', async () => {
    // a loop of promise steps, like imapflow's responses: without the slicer the immediate waits
    // for the whole loop; with it, it runs after the first slice
    const order: string[] = [];
    let now = 0;
    const sliceSpent = turnSlicer(8, () => now);
    setImmediate(() => order.push('immediate'));
    for (let i = 0; i < 5; i++) {
      now += 5;
      const turn = sliceSpent();
      if (turn) await turn;
      else await Promise.resolve();
      order.push(`response ${i}`);
    }
    expect(order.indexOf('immediate')).toBe(1);
  });
});
