// The background workers' batch size: from how long the last batch held the thread.
import { describe, expect, it } from 'vitest';
import { BatchPacer } from '../../electron/core/store/batch-pacer';

/** A pacer whose batches take `ms(rows)` by its clock. */
function paced(options: { max: number; min?: number; targetMs?: number }, ms: (rows: number) => number) {
  let now = 0;
  let pending = 0;
  const pacer = new BatchPacer({ ...options, clock: () => (now += pending) });
  const sizes: number[] = [];
  const batch = () => {
    const rows = pacer.size();
    sizes.push(rows);
    pacer.run((n) => {
      pending = ms(n);
      return n;
    });
    pending = 0;
  };
  return { pacer, sizes, batch };
}

describe('BatchPacer', () => {
  it('starts at the full size and keeps it while batches are fast', () => {
    const { sizes, batch } = paced({ max: 500 }, (rows) => rows * 0.01);
    for (let i = 0; i < 3; i++) batch();
    expect(sizes).toEqual([500, 500, 500]);
  });

  it('shrinks a slow batch to the size that takes the target time', () => {
    // 0.2 ms a row: 500 rows take 100 ms, 50 take the 10 ms target
    const { sizes, batch } = paced({ max: 500 }, (rows) => rows * 0.2);
    for (let i = 0; i < 3; i++) batch();
    expect(sizes).toEqual([500, 50, 50]);
  });

  it('never goes under its least size, nor over its most', () => {
    const slow = paced({ max: 500, min: 20 }, () => 1_000);
    for (let i = 0; i < 3; i++) slow.batch();
    expect(slow.sizes).toEqual([500, 20, 20]);
    const instant = paced({ max: 500 }, () => 0);
    for (let i = 0; i < 2; i++) instant.batch();
    expect(instant.sizes).toEqual([500, 500]);
  });

  it('grows back at most twofold a batch once the thread is free again', () => {
    let perRow = 1;
    const { sizes, batch } = paced({ max: 500, min: 20 }, (rows) => rows * perRow);
    batch(); // 500 ms: down to the least
    perRow = 0.001;
    for (let i = 0; i < 5; i++) batch();
    expect(sizes).toEqual([500, 20, 40, 80, 160, 320]);
  });
});
