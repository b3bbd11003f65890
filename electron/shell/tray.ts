// The tray icon (Windows, Linux): the envelope with a dot while mail is unread, the count in its
// tooltip, and the menu of tray-menu.ts. A click opens the window (on Windows; most Linux
// status areas open the menu instead).
import { Menu, Tray, nativeImage } from 'electron';
import { trayIconPng } from './icon-images';
import type { ShellStrings } from './shell-strings';
import { trayMenuTemplate, type TrayActions } from './tray-menu';

export interface MailTray {
  setUnread(count: number, tooltip: string): void;
  destroy(): void;
}

/** Drawn at twice the size, shown at 16 × 16 points: sharp on high-density screens. */
function icon(unread: boolean) {
  return nativeImage.createFromBuffer(trayIconPng(32, unread), { scaleFactor: 2 });
}

export function createTray(strings: ShellStrings, actions: TrayActions, appName: string): MailTray {
  const tray = new Tray(icon(false));
  let unread = 0;
  const refreshMenu = () => tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(unread, strings, actions)));
  tray.setToolTip(appName);
  refreshMenu();
  tray.on('click', () => actions.open());
  return {
    setUnread(count, tooltip) {
      if (count > 0 !== unread > 0) tray.setImage(icon(count > 0));
      unread = count;
      tray.setToolTip(tooltip);
      refreshMenu();
    },
    destroy: () => tray.destroy(),
  };
}
