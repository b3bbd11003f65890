// Reading the UID set an ESEARCH answer gives (sync/uid-search.ts): every range form a server may
// send, and an error, never a guess, for anything else.
import { describe, expect, it } from 'vitest';
import { expandSequenceSet } from '../../electron/core/imap/sync/uid-search';

describe('expandSequenceSet', () => {
  it('reads single numbers, ranges and ranges written high to low', () => {
    expect(expandSequenceSet('7')).toEqual([7]);
    expect(expandSequenceSet('1:4,9,12:11')).toEqual([1, 2, 3, 4, 9, 11, 12]);
    expect(expandSequenceSet('4294967295')).toEqual([4294967295]);
    expect(expandSequenceSet('1:50000')).toHaveLength(50000);
  });

  it('refuses what is not a set of message numbers', () => {
    for (const broken of ['', '1:*', '0', '3:0', '1,,2', 'a', '1:2:3', ' 1', '4294967296', '12345678901'])
      expect(() => expandSequenceSet(broken), broken).toThrow(/cannot read|out of range/);
  });
});
