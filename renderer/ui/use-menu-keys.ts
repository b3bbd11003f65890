// The keys of every menu of ours (the WAI-ARIA menu pattern), in one place so that the toolbar's
// menus and the context menus cannot drift apart: Down and Up move between the items and wrap,
// Home and End go to the first and the last, Escape and Tab close the menu (the caller gives the
// focus back to what opened it). Enter and Space need nothing here: every item is a button.
import type { KeyboardEvent, RefObject } from 'react';

/** A menu's items: menuitem, menuitemcheckbox and menuitemradio alike. */
export const MENU_ITEMS = '[role^="menuitem"]';

export interface MenuKeyOptions {
  /** More keys that close the menu: a context menu also closes on the keys that open one. */
  closeKeys?: readonly string[];
  /**
   * Keeps the keys it handles from the window's own (the list's arrows): a context menu is
   * drawn over the list it was opened from, inside its key handling.
   */
  stopPropagation?: boolean;
}

export function useMenuKeys(
  menuRef: RefObject<HTMLElement | null>,
  onClose: () => void,
  { closeKeys = [], stopPropagation = false }: MenuKeyOptions = {},
): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(MENU_ITEMS) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const go = (next: number) => items[(next + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(items.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      default:
        if (closeKeys.includes(event.key)) onClose();
        else return;
    }
    event.preventDefault();
    if (stopPropagation) event.stopPropagation();
  };
}
