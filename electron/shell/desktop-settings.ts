// The Electron shell's own settings (desktop-settings.json in the profile): whether closing the
// window leaves Mail in the tray, whether it starts at login, whether it looks for updates. They
// are read before any window exists (closing to the tray decides what the first close does), so
// they live in the shell, not in the renderer's storage.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { desktopSettingsSchema, type DesktopSettings } from '../../shared/contract-desktop';

export const DESKTOP_SETTINGS_FILE_NAME = 'desktop-settings.json';

/**
 * The defaults: closing to the tray wherever there is a tray (Windows, Linux; a macOS app stays
 * in the dock anyway), nothing started at login and no update check unless the user asks.
 */
export function defaultDesktopSettings(platform: NodeJS.Platform): DesktopSettings {
  return { closeToTray: platform === 'win32' || platform === 'linux', startAtLogin: false, checkForUpdates: false };
}

/** What a previous run saved, each valid field over the defaults; a damaged file is the defaults. */
export function loadDesktopSettings(file: string, platform: NodeJS.Platform): DesktopSettings {
  const defaults = defaultDesktopSettings(platform);
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return defaults;
  }
  const parsed = desktopSettingsSchema.partial().safeParse(saved);
  return parsed.success ? { ...defaults, ...parsed.data } : defaults;
}

/** Writes via a temporary file so a crash mid-write never leaves a half file. */
export function saveDesktopSettings(file: string, settings: DesktopSettings): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(settings));
  renameSync(tmp, file);
}
