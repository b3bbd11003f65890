import { describe, expect, it } from 'vitest';
import { formatCount, formatSize } from '../../renderer/format/format-size';

/** Intl separates with no-break and narrow no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/\s/gu, ' ');

describe('sizes', () => {
  it('uses the locale decimal separator ("2.4 MB" / "2,4 MB")', () => {
    expect(plain(formatSize(2_400_000, 'en'))).toBe('2.4 MB');
    expect(plain(formatSize(2_400_000, 'sv'))).toBe('2,4 MB');
  });

  it('picks a unit so the number stays short', () => {
    expect(plain(formatSize(0, 'en'))).toBe('0 bytes');
    expect(plain(formatSize(999, 'en'))).toBe('999 bytes');
    expect(plain(formatSize(48_213, 'en'))).toBe('48 kB');
    expect(plain(formatSize(1_500, 'en'))).toBe('1.5 kB');
    expect(plain(formatSize(999_999, 'en'))).toBe('1 MB');
    expect(plain(formatSize(15_000_000_000, 'sv'))).toBe('15 GB');
  });

  it('treats nonsense as zero', () => {
    expect(plain(formatSize(-5, 'en'))).toBe('0 bytes');
    expect(plain(formatSize(Number.NaN, 'en'))).toBe('0 bytes');
  });

  it('formats counts with the locale grouping', () => {
    expect(formatCount(100_000, 'en')).toBe('100,000');
    expect(plain(formatCount(100_000, 'sv'))).toBe('100 000');
  });
});
