// Shows the unread count where each platform puts it: the dock badge on macOS and the launcher
// count on Linux (Unity-style launchers: app.setBadgeCount, which answers false where the
// desktop has no such thing), a red overlay with the count as its description on the Windows
// taskbar, and the tray's tooltip and icon. Electron's calls come in through BadgeTarget, so
// which call each platform gets is tested without Electron.
import { titleWithCount } from '../../shared/unread-count';

export interface BadgeTarget {
  platform: NodeJS.Platform;
  /** app.setBadgeCount */
  setBadgeCount(count: number): boolean;
  /** The main window's setOverlayIcon, with the dot image (null removes it). */
  setOverlay(dot: boolean, description: string): void;
  /** The tray's icon and tooltip, when there is a tray. */
  setTray?(unread: number, tooltip: string): void;
}

/** "3 unread messages"-style words for the overlay and tooltip (the shell's strings, shell-strings.ts). */
export type UnreadWords = (count: number) => string;

export function showUnreadCount(target: BadgeTarget, count: number, words: UnreadWords, appName: string): void {
  if (target.platform === 'win32') {
    target.setOverlay(count > 0, count > 0 ? words(count) : '');
  } else {
    target.setBadgeCount(count);
  }
  target.setTray?.(count, count > 0 ? `${titleWithCount(appName, count)} · ${words(count)}` : appName);
}
