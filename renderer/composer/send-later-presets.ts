// The times "Send later" offers at a glance, worked out in the user's own time zone: in an
// hour, tomorrow morning, and next Monday morning (Gmail and Outlook offer the same kinds).
// Pure: the caller passes "now", so tests fix the clock.

export type SendLaterPreset = 'inAnHour' | 'tomorrowMorning' | 'mondayMorning';

export interface PresetTime {
  preset: SendLaterPreset;
  at: number;
}

/** The hour of "morning". */
export const MORNING_HOUR = 8;
const HOUR = 3_600_000;

function morningOf(day: Date): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), MORNING_HOUR, 0, 0, 0).getTime();
}

function addDays(ms: number, days: number): Date {
  const date = new Date(ms);
  // Calendar days, not 24-hour steps: a daylight-saving change in between keeps the morning at 8.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export function sendLaterPresets(now: number): PresetTime[] {
  const today = new Date(now);
  // The coming Monday (a week ahead on a Monday).
  const untilMonday = (8 - today.getDay()) % 7 || 7;
  return [
    // Whole minutes: the time shown is the time it goes.
    { preset: 'inAnHour', at: Math.ceil((now + HOUR) / 60_000) * 60_000 },
    { preset: 'tomorrowMorning', at: morningOf(addDays(now, 1)) },
    { preset: 'mondayMorning', at: morningOf(addDays(now, untilMonday)) },
  ];
}

/** `<input type="datetime-local">`'s value for a moment, in local time: "2026-03-14T08:00". */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The moment a datetime-local value names in local time, or null when it names none. */
export function fromDateTimeLocal(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute);
  // 2026-02-30 would roll over into March: a date that does not exist is no date.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}
