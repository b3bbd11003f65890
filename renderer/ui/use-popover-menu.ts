// A menu that drops from a toolbar button ("Move to…", "Tag"): the button opens and closes it, a
// press anywhere else closes it; opened, the focus is on its first item; closed from inside (an
// item chosen, Escape), the focus is back on the button, so the keyboard user is where they were.
import { useEffect, useId, useRef, useState } from 'react';
import { MENU_ITEMS, useMenuKeys } from './use-menu-keys';

export function usePopoverMenu() {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>(MENU_ITEMS)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = useMenuKeys(menuRef, close);

  return {
    open,
    close,
    /** Spread on the toolbar button. */
    buttonProps: {
      ref: buttonRef,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => setOpen((value) => !value),
    },
    /** Spread on the menu while it is open. */
    menuProps: { ref: menuRef, id: menuId, role: 'menu', onKeyDown },
  };
}
