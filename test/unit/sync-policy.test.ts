import { describe, expect, it } from 'vitest';
import { canSync, syncSinceDate, syncsInBackground } from '../../electron/core/imap/sync/sync-policy';

const folder = { role: null, selectable: true, subscribed: true, syncEnabled: true } as const;

describe('sync policy', () => {
  it('syncs subscribed folders with sync on, and the special folders whether subscribed or not', () => {
    expect(syncsInBackground(folder)).toBe(true);
    expect(syncsInBackground({ ...folder, subscribed: false })).toBe(false);
    expect(syncsInBackground({ ...folder, subscribed: false, role: 'sent' })).toBe(true);
    expect(syncsInBackground({ ...folder, syncEnabled: false })).toBe(false);
    expect(syncsInBackground({ ...folder, selectable: false })).toBe(false);
  });

  it('always syncs the Inbox, and never a folder whose sync is off, even when opened', () => {
    expect(syncsInBackground({ ...folder, role: 'inbox', subscribed: false, syncEnabled: false })).toBe(true);
    expect(canSync({ ...folder, syncEnabled: false })).toBe(false);
    expect(canSync({ role: null, selectable: true })).toBe(true);
  });

  it('syncs a Gmail label folder only while it is open, until the user turns its sync on', () => {
    const label = { ...folder, syncOnOpen: true };
    expect(syncsInBackground(label)).toBe(false);
    expect(canSync(label)).toBe(true);
    expect(syncsInBackground({ ...folder, syncOnOpen: false })).toBe(true);
  });

  it('starts the window at midnight UTC, N months back', () => {
    expect(syncSinceDate(null)).toBeNull();
    expect(syncSinceDate(6, new Date('2026-12-07T01:00:00Z'))?.toISOString()).toBe('2026-06-07T00:00:00.000Z');
  });
});
