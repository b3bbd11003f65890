// Starting Mail when the user logs in. macOS and Windows keep login items themselves
// (app.setLoginItemSettings); Linux desktops read ~/.config/autostart/*.desktop (the XDG
// Autostart spec), which Electron does not write, so this does. Either way Mail starts with
// --hidden: in the tray, without a window in the way.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const HIDDEN_ARG = '--hidden';
export const AUTOSTART_FILE_NAME = 'mail.desktop';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  /** app.setLoginItemSettings */
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  /** $XDG_CONFIG_HOME or ~/.config */
  configDir: string;
  /** The command that starts the app (the AppImage's path when run from one, else the executable). */
  command: string;
}

/** The autostart entry's text; the command is quoted as the Desktop Entry spec asks. */
export function autostartEntry(command: string): string {
  const quoted = `"${command.replace(/(["`$\\])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Mail',
    `Exec=${quoted} ${HIDDEN_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function setStartAtLogin(deps: LoginItemDeps, start: boolean): void {
  if (deps.platform !== 'linux') {
    deps.setLoginItemSettings(start ? { openAtLogin: true, args: [HIDDEN_ARG] } : { openAtLogin: false });
    return;
  }
  const file = path.join(deps.configDir, 'autostart', AUTOSTART_FILE_NAME);
  if (start) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, autostartEntry(deps.command));
  } else {
    rmSync(file, { force: true });
  }
}
