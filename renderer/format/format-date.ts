// Dates in the message list and the reading pane, formatted with Intl for the active locale.
// The list follows the convention of native mail apps: a time for today, the weekday within
// the last week, a short date otherwise.

const DAY_MS = 24 * 60 * 60 * 1000;
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, cached);
  }
  return cached;
}

/** Local midnight of the day that contains `ms`. */
export function startOfLocalDay(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Local midnight `days` days after (or before, when negative) the day that contains `ms`. */
function shiftLocalDay(ms: number, days: number): number {
  const date = new Date(startOfLocalDay(ms));
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

export type ListDateKind = 'time' | 'weekday' | 'date';

/** Which form a list date takes relative to `now` (both in ms since epoch, local time). */
export function listDateKind(timestamp: number, now: number): ListDateKind {
  const today = startOfLocalDay(now);
  const tomorrow = shiftLocalDay(now, 1);
  if (timestamp >= today && timestamp < tomorrow) return 'time';
  // "This week": the six days before today, so a weekday name is never ambiguous.
  if (timestamp >= shiftLocalDay(now, -6) && timestamp < today) return 'weekday';
  return 'date';
}

export function formatListDate(timestamp: number, now: number, locale: string): string {
  if (!Number.isFinite(timestamp) || timestamp <= 0) return '';
  switch (listDateKind(timestamp, now)) {
    case 'time':
      return formatter(locale, { timeStyle: 'short' }).format(timestamp);
    case 'weekday':
      return formatter(locale, { weekday: 'long' }).format(timestamp);
    case 'date':
      return formatter(locale, { dateStyle: 'short' }).format(timestamp);
  }
}

/** The full date and time the reading pane shows, e.g. "Mar 14, 2026, 9:05 AM" / "14 mars 2026 09:05". */
export function formatFullDate(timestamp: number, locale: string): string {
  if (!Number.isFinite(timestamp) || timestamp <= 0) return '';
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}

/** A time of day, e.g. when the next connection attempt happens. */
export function formatTime(timestamp: number, locale: string): string {
  return formatter(locale, { timeStyle: 'short' }).format(timestamp);
}

export { DAY_MS };
