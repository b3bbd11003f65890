// The presets are worked out in local time; the test runs in a fixed zone (Stockholm, with its
// daylight-saving change) so "8 in the morning" is checked where it can go wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDateTimeLocal, sendLaterPresets, toDateTimeLocal } from '../../renderer/composer/send-later-presets';

let zone: string | undefined;
beforeAll(() => {
  zone = process.env.TZ;
  process.env.TZ = 'Europe/Stockholm';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const local = (text: string) => fromDateTimeLocal(text)!;
const presetTimes = (now: string) =>
  Object.fromEntries(sendLaterPresets(local(now)).map((p) => [p.preset, toDateTimeLocal(p.at)]));

describe('send later presets', () => {
  it('in an hour (whole minutes), tomorrow at 08:00 and the coming Monday at 08:00', () => {
    // Wednesday 2026-03-11 14:07
    expect(presetTimes('2026-03-11T14:07')).toEqual({
      inAnHour: '2026-03-11T15:07',
      tomorrowMorning: '2026-03-12T08:00',
      mondayMorning: '2026-03-16T08:00',
    });
    // On a Monday, "Monday morning" is a week ahead; on a Sunday it is tomorrow.
    expect(presetTimes('2026-03-16T09:00').mondayMorning).toBe('2026-03-23T08:00');
    expect(presetTimes('2026-03-15T09:00').mondayMorning).toBe('2026-03-16T08:00');
  });

  it('keeps 08:00 across the night the clocks go forward', () => {
    // Sweden goes to summer time on Sunday 2026-03-29 at 02:00.
    const { tomorrowMorning } = presetTimes('2026-03-28T22:00');
    expect(tomorrowMorning).toBe('2026-03-29T08:00');
    expect(new Date(local('2026-03-29T08:00')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('reads the date and time field, and refuses a date that does not exist', () => {
    expect(toDateTimeLocal(local('2026-12-24T07:05'))).toBe('2026-12-24T07:05');
    expect(fromDateTimeLocal('2026-02-30T08:00')).toBeNull();
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('tomorrow')).toBeNull();
  });
});
