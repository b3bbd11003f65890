// The background workers' batch size: from how long the last batch held the thread.
import { describe, expect, it } from 'vitest';
import { BatchPacer } from '../../electron/core/store/batch-pacer';

/** A pacer whose batches take `ms(rows)` by its clock. */
function paced(options: { max: number; min?: number; targetMs?: number }, ms: (rows: number) => number) {
  let now = 0;
  let pending = 0;
  const pacer = new BatchPacer({ ...options, clock: () => (now += pending) });
  const sizes: number[] = [];
  /** Time passing with no batch. */
  const pause = (ms: number) => (now += ms);
  const batch = () => {
    const rows = pacer.size();
    sizes.push(rows);
    pacer.run((n) => {
      pending = ms(n);
      return n;
    });
    pending = 0;
  };
  return { pacer, sizes, batch, pause };
}

describe('BatchPacer', () => {
  it('starts at its least size and doubles while batches are fast, up to its most', () => {
    const { sizes, batch } = paced({ max: 500 }, (rows) => rows * 0.01);
    for (let i = 0; i < 8; i++) batch();
    expect(sizes).toEqual([20, 40, 80, 160, 320, 500, 500, 500]);
  });

  it('shrinks a slow batch to the size that takes the target time', () => {
    // 0.2 ms a row: 500 rows take 100 ms, 50 take the 10 ms target
    const { sizes, batch } = paced({ max: 500, min: 500 }, (rows) => rows * 0.2);
    for (let i = 0; i < 3; i++) batch();
    expect(sizes).toEqual([500, 500, 500]);
    const shrinking = paced({ max: 500 }, (rows) => (rows < 500 ? rows * 0.001 : rows * 0.2));
    for (let i = 0; i < 8; i++) shrinking.batch();
    expect(shrinking.sizes).toEqual([20, 40, 80, 160, 320, 500, 50, 100]);
  });

  it('never goes under its least size, nor over its most', () => {
    const slow = paced({ max: 500, min: 20 }, () => 1_000);
    for (let i = 0; i < 3; i++) slow.batch();
    expect(slow.sizes).toEqual([20, 20, 20]);
    const instant = paced({ max: 500 }, () => 0);
    for (let i = 0; i < 7; i++) instant.batch();
    expect(instant.sizes.slice(-2)).toEqual([500, 500]);
  });

  it('grows back at most twofold a batch once the thread is free again', () => {
    let perRow = 0.001;
    const { sizes, batch } = paced({ max: 500, min: 20 }, (rows) => rows * perRow);
    for (let i = 0; i < 6; i++) batch(); // up to the most
    perRow = 1; // 500 ms: down to the least
    batch();
    perRow = 0.001;
    for (let i = 0; i < 5; i++) batch();
    expect(sizes.slice(6)).toEqual([500, 20, 40, 80, 160, 320]);
  });

  it('begins a run after a pause at its least size again, where the last run left it at its most', () => {
    const { sizes, batch, pause } = paced({ max: 500 }, (rows) => rows * 0.001);
    for (let i = 0; i < 6; i++) batch();
    expect(sizes.at(-1)).toBe(500);
    pause(999); // less than the pause: the same run
    batch();
    pause(1_200);
    batch();
    batch();
    expect(sizes.slice(6)).toEqual([500, 20, 40]);
  });
});
