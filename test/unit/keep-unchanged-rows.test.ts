import { describe, expect, it } from 'vitest';
import { keepUnchangedRows, samePlainData } from '../../renderer/message-list/keep-unchanged-rows';
import { messageHeader } from '../support/message-header';

/** Nested data (an address, a keyword) so that equality is more than a shallow compare. */
const header = (id: number, subject = `Message ${id}`) =>
  messageHeader(id, {
    subject,
    from: [{ name: 'Ada', address: 'ada@example.test' }],
    keywords: ['$label1'],
    date: 1_000,
    size: 10,
  });

describe('samePlainData', () => {
  it('compares primitives, arrays and objects by value', () => {
    expect(samePlainData(header(1), header(1))).toBe(true);
    expect(samePlainData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(samePlainData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(samePlainData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(samePlainData({ a: undefined }, { b: undefined })).toBe(false);
    expect(samePlainData([1], { 0: 1 })).toBe(false);
    expect(samePlainData(null, {})).toBe(false);
    expect(samePlainData(Number.NaN, Number.NaN)).toBe(false);
  });

  it('sees a change deep inside a header', () => {
    const read = header(1);
    read.flags = { ...read.flags, seen: true };
    expect(samePlainData(header(1), read)).toBe(false);
    const renamed = header(1);
    renamed.from = [{ name: 'Bea', address: 'ada@example.test' }];
    expect(samePlainData(header(1), renamed)).toBe(false);
  });
});

describe('keepUnchangedRows', () => {
  it('keeps the previous copy of each unchanged message, wherever it moved, and takes the changed ones', () => {
    const previous = [header(3), header(2), header(1)];
    const next = [header(4), header(3), header(2, 'Re: changed'), header(1)];
    const kept = keepUnchangedRows(previous, next);
    expect(kept).toHaveLength(4);
    expect(kept[0]).toBe(next[0]);
    expect(kept[1]).toBe(previous[0]);
    expect(kept[2]).toBe(next[2]);
    expect(kept[3]).toBe(previous[2]);
  });

  it('takes the new rows as they are without a previous page', () => {
    const next = [header(1)];
    expect(keepUnchangedRows(undefined, next)).toBe(next);
    expect(keepUnchangedRows([], next)).toBe(next);
  });
});
