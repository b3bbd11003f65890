// The notification and unread-count settings as localStorage keeps them.
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_MAIL_SIGNAL_PREFS,
  MAIL_SIGNAL_STORAGE_KEY,
  MailSignalSettings,
  parseMailSignalPrefs,
} from '../../renderer/notifications/mail-signal-prefs';

describe('parseMailSignalPrefs', () => {
  it('reads what was saved', () => {
    const saved = {
      notify: { enabled: false, hideContent: true, mutedAccounts: ['a2'], extraFolders: [7] },
      unreadFolders: [3, 4],
    };
    expect(parseMailSignalPrefs(JSON.stringify(saved))).toEqual(saved);
  });

  it('falls back to the defaults for nothing, broken JSON or foreign values', () => {
    expect(parseMailSignalPrefs(null)).toEqual(DEFAULT_MAIL_SIGNAL_PREFS);
    expect(parseMailSignalPrefs('{not json')).toEqual(DEFAULT_MAIL_SIGNAL_PREFS);
    expect(
      parseMailSignalPrefs(JSON.stringify({ notify: { enabled: 'yes', mutedAccounts: [1] }, unreadFolders: ['x'] })),
    ).toEqual(DEFAULT_MAIL_SIGNAL_PREFS);
  });
});

describe('MailSignalSettings', () => {
  it('saves a change, tells subscribers, and a new store reads it back', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const settings = new MailSignalSettings(storage);
    const listener = vi.fn();
    settings.subscribe(listener);
    settings.update((p) => ({ ...p, notify: { ...p.notify, hideContent: true } }));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(map.has(MAIL_SIGNAL_STORAGE_KEY)).toBe(true);
    expect(new MailSignalSettings(storage).get().notify.hideContent).toBe(true);
  });
});
