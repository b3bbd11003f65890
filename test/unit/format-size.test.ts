import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('makes one count formatter per locale, however many counts it formats', () => {
    // a formatter costs far more to make than to use; the sidebar formats a count per folder on every render
    const Original = Intl.NumberFormat;
    const made = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.NumberFormat>
    ) {
      return new Original(...args);
    } as unknown as typeof Intl.NumberFormat);
    formatCount(1, 'en-GB');
    formatCount(2_000, 'en-GB');
    formatCount(3, 'en-GB');
    formatCount(4, 'de');
    expect(made).toHaveBeenCalledTimes(2);
    expect(formatCount(2_000, 'de')).toBe('2.000');
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
