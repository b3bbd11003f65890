// How new-messages.ts cuts the UIDs of a sync into FETCH batches: the first screen alone, then
// batches of 1,000 while the list fills from the top, growing with what is done so a large first
// sync writes fewer, larger transactions (and the list re-reads its window fewer times).
import { describe, expect, it } from 'vitest';
import { batchSizeAfter, toBatches } from '../../electron/core/imap/sync/new-messages';

const descending = (count: number) => Array.from({ length: count }, (_, i) => count - i);

describe('header sync batches', () => {
  it('keeps every UID once, newest first, the first screen alone', () => {
    for (const count of [1, 49, 50, 51, 4_300, 50_000]) {
      const batches = toBatches(descending(count));
      expect(batches.flat()).toEqual(descending(count));
      expect(batches[0]).toHaveLength(Math.min(50, count));
    }
  });

  it('fetches the first 10,000 in batches of 1,000, then grows them to 4,000, and ends with 1,000', () => {
    const sizes = toBatches(descending(50_000)).map((batch) => batch.length);
    expect(sizes.slice(0, 11)).toEqual([50, ...Array<number>(10).fill(1_000)]);
    expect(sizes.slice(11, 14)).toEqual([2_000, 2_000, 2_000]);
    expect(Math.max(...sizes)).toBe(4_000);
    // never shrinking, but for the last two (the end of the mailbox, and the last batch cut short)
    for (let i = 2; i < sizes.length - 2; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]!);
    // the writer thread inserts the last batch while nothing is left to parse: a small one
    expect(sizes.at(-1)).toBe(1_000);
    // 24 transactions and list updates where batches of 1,000 took 51
    expect(sizes).toHaveLength(24);
  });

  it('cuts a last batch larger than 1,000 to 1,000, or in two halves below 2,000', () => {
    const lastTwo = (count: number) =>
      toBatches(descending(count))
        .slice(-2)
        .map((batch) => batch.length);
    expect(lastTwo(50 + 1_000)).toEqual([50, 1_000]);
    expect(lastTwo(50 + 1_000 + 1_000)).toEqual([1_000, 1_000]);
    expect(lastTwo(50 + 10_000 + 1_400)).toEqual([700, 700]);
    expect(lastTwo(50 + 10_000 + 2_000 * 3 + 3_000 * 2 + 4_000)).toEqual([3_000, 1_000]);
  });

  it('goes on from the first screen a first sync fetched, without another FETCH of 50', () => {
    const batches = toBatches(descending(49_950), 50);
    expect(batches.flat()).toEqual(descending(49_950));
    expect(batches[0]).toHaveLength(1_000);
    expect(batches.map((batch) => batch.length)).toEqual(
      toBatches(descending(50_000))
        .slice(1)
        .map((b) => b.length),
    );
  });

  it('sizes a batch from what is done: 50 first, at least 1,000, at most 4,000', () => {
    expect(batchSizeAfter(0)).toBe(50);
    expect(batchSizeAfter(50)).toBe(1_000);
    expect(batchSizeAfter(9_999)).toBe(1_000);
    expect(batchSizeAfter(10_050)).toBe(2_000);
    expect(batchSizeAfter(1_000_000)).toBe(4_000);
  });
});
