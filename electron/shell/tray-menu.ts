// The tray icon's menu (Windows, Linux): the unread count as its first, disabled line, then
// open, compose, check mail and quit. A pure template, so its items are tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellStrings } from './shell-strings';

export interface TrayActions {
  open(): void;
  compose(): void;
  checkMail(): void;
  quit(): void;
}

/** Where a tray icon exists: Windows' notification area and Linux's status notifiers. */
export function hasTray(platform: NodeJS.Platform): boolean {
  return platform === 'win32' || platform === 'linux';
}

export function trayMenuTemplate(
  unread: number,
  strings: ShellStrings,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  return [
    { label: unread > 0 ? strings.unread(unread) : strings.noUnread, enabled: false },
    { type: 'separator' },
    { label: strings.open, click: actions.open },
    { label: strings.compose, click: actions.compose },
    { label: strings.checkMail, click: actions.checkMail },
    { type: 'separator' },
    { label: strings.quit, click: actions.quit },
  ];
}

/**
 * What closing the main window does: hide it (Mail keeps syncing and notifying from the tray)
 * when the user wants that and a tray exists to bring it back from; otherwise really close.
 * A quit under way (the tray's Quit, the OS logging out) always closes.
 */
export function closeAction(options: {
  closeToTray: boolean;
  trayShown: boolean;
  quitting: boolean;
}): 'hide' | 'close' {
  return options.closeToTray && options.trayShown && !options.quitting ? 'hide' : 'close';
}
