// Where the profile (mail.db, the key file, window state) lives. The browser shell defaults to
// the folder Electron uses for app.getPath('userData') with the app name 'Mail', so both
// shells open the same accounts.
import path from 'node:path';

export const APP_NAME = 'Mail';
/** The key file of KeyFileCipher, used where the OS keychain is not; beside the profile (key-file.ts). */
export const KEY_FILE_NAME = 'secrets.key';
/** Where the main window's size and position are remembered. */
export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** Electron's appData: the OS's per-user application data folder. */
export function appDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'win32':
      return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support');
    default:
      // as Chromium does: any non-empty XDG_CONFIG_HOME, else ~/.config
      return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  }
}

export function defaultProfileDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(platform, env, home), APP_NAME);
}
