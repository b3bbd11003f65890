import { describe, expect, it } from 'vitest';
import { formatFullDate, formatListDate, listDateKind } from '../../renderer/format/format-date';

/** Intl separates with no-break and narrow no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/\s/gu, ' ');

// Saturday 14 March 2026, 15:30 local time
const now = new Date(2026, 2, 14, 15, 30).getTime();

const at = (day: number, hour: number, minute = 0, month = 2, year = 2026) =>
  new Date(year, month, day, hour, minute).getTime();

describe('list dates', () => {
  it('shows the time for today, the weekday within the past week, a short date before that', () => {
    expect(listDateKind(at(14, 0, 0), now)).toBe('time');
    expect(listDateKind(at(14, 23, 59), now)).toBe('time');
    expect(listDateKind(at(13, 23, 59), now)).toBe('weekday');
    expect(listDateKind(at(8, 0, 0), now)).toBe('weekday');
    expect(listDateKind(at(7, 23, 59), now)).toBe('date');
    expect(listDateKind(at(15, 9), now)).toBe('date'); // tomorrow (a skewed clock) is not "today"
  });

  it('formats in English', () => {
    expect(plain(formatListDate(at(14, 9, 5), now, 'en'))).toBe('9:05 AM');
    expect(formatListDate(at(10, 9, 5), now, 'en')).toBe('Tuesday');
    expect(formatListDate(at(1, 9, 5), now, 'en')).toBe('3/1/26');
    expect(formatListDate(at(1, 9, 5, 2, 2024), now, 'en')).toBe('3/1/24');
  });

  it('formats in Swedish', () => {
    expect(formatListDate(at(14, 9, 5), now, 'sv')).toBe('09:05');
    expect(formatListDate(at(10, 9, 5), now, 'sv')).toBe('tisdag');
    expect(formatListDate(at(1, 9, 5), now, 'sv')).toBe('2026-03-01');
  });

  it('follows the regional variant (en-GB writes day before month and a 24-hour clock)', () => {
    expect(formatListDate(at(14, 15, 5), now, 'en-GB')).toBe('15:05');
    expect(formatListDate(at(1, 9, 5), now, 'en-GB')).toBe('01/03/2026');
  });

  it('leaves a missing date empty', () => {
    expect(formatListDate(0, now, 'en')).toBe('');
    expect(formatListDate(Number.NaN, now, 'en')).toBe('');
  });

  it('shows the full date and time in the reading pane', () => {
    expect(plain(formatFullDate(at(1, 9, 5), 'en'))).toBe('Mar 1, 2026, 9:05 AM');
    expect(plain(formatFullDate(at(1, 9, 5), 'sv'))).toBe('1 mars 2026 09:05');
  });
});
