// The keys that open a context menu from the keyboard: the Menu key (ContextMenu) and Shift+F10,
// as on Windows and in GNOME and KDE. Handled by the app itself, so they work the same in the
// Electron shell and the browser shell, whatever the platform sends as a 'contextmenu' event.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export function isContextMenuKey(event: Pick<KeyboardEvent | ReactKeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Where a menu opened from the keyboard appears: just below the start of the focused element. */
export function menuPositionOf(element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return { x: rect.left + Math.min(24, rect.width / 2), y: rect.top + Math.min(rect.height, 28) };
}
