// How Mail signals new mail, remembered in localStorage with a subscribe for React: the
// notification settings (shared/new-mail.ts) and which folders the unread count (title, dock,
// taskbar, tray) counts. A broken or foreign value falls back to the defaults.
import type { MailboxId } from '../../shared/domain';
import { DEFAULT_NEW_MAIL_PREFS, type NewMailPrefs } from '../../shared/new-mail';

export const MAIL_SIGNAL_STORAGE_KEY = 'mail.signals';

export interface MailSignalPrefs {
  notify: NewMailPrefs;
  /** The folders the unread count adds up; null: every account's Inbox. */
  unreadFolders: readonly MailboxId[] | null;
}

export const DEFAULT_MAIL_SIGNAL_PREFS: MailSignalPrefs = { notify: DEFAULT_NEW_MAIL_PREFS, unreadFolders: null };

const names = (value: unknown): string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.slice(0, 1000) : [];

const ids = (value: unknown): number[] | null =>
  Array.isArray(value) && value.every((item) => Number.isInteger(item) && item > 0) ? value.slice(0, 1000) : null;

export function parseMailSignalPrefs(text: string | null): MailSignalPrefs {
  if (!text) return DEFAULT_MAIL_SIGNAL_PREFS;
  try {
    const saved = JSON.parse(text) as { notify?: Record<string, unknown>; unreadFolders?: unknown } | null;
    const notify = saved?.notify ?? {};
    return {
      notify: {
        enabled: typeof notify.enabled === 'boolean' ? notify.enabled : DEFAULT_NEW_MAIL_PREFS.enabled,
        hideContent: typeof notify.hideContent === 'boolean' ? notify.hideContent : DEFAULT_NEW_MAIL_PREFS.hideContent,
        mutedAccounts: names(notify.mutedAccounts),
        extraFolders: ids(notify.extraFolders) ?? [],
      },
      unreadFolders: ids(saved?.unreadFolders),
    };
  } catch {
    return DEFAULT_MAIL_SIGNAL_PREFS;
  }
}

export class MailSignalSettings {
  private value: MailSignalPrefs;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    let saved: string | null = null;
    try {
      saved = storage?.getItem(MAIL_SIGNAL_STORAGE_KEY) ?? null;
    } catch {
      // storage disabled: the defaults
    }
    this.value = parseMailSignalPrefs(saved);
  }

  get = (): MailSignalPrefs => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: (previous: MailSignalPrefs) => MailSignalPrefs): void {
    this.value = change(this.value);
    try {
      this.storage?.setItem(MAIL_SIGNAL_STORAGE_KEY, JSON.stringify(this.value));
    } catch {
      // kept for this session only
    }
    for (const listener of this.listeners) listener();
  }
}

let shared: MailSignalSettings | null = null;

/** The one store of this window (created on first use). */
export function mailSignalSettings(): MailSignalSettings {
  if (!shared) {
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      // no storage: the defaults, kept for the session
    }
    shared = new MailSignalSettings(storage);
  }
  return shared;
}
