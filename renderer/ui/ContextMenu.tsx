// A context menu (WAI-ARIA menu): opened at the pointer or, from the keyboard (context-menu.ts's
// keys), below the focused element. Focus moves into it; arrows, Home and End move between the
// items, Enter or Space runs one, Escape or Tab closes it and gives the focus back. Each item is a
// button with its visible text as its name; the menu is named for what it acts on.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Icon, type IconName } from './Icon';
import { useMenuKeys } from './use-menu-keys';
import './context-menu.css';

export interface MenuItem {
  id: string;
  label: string;
  icon?: IconName | null;
  disabled?: boolean;
  /** Drawn with a line above it, to set a group apart (destructive items last). */
  separated?: boolean;
  run: () => void;
}

export interface MenuRequest {
  /** The menu's accessible name: what it acts on ("Actions for Projects"). */
  label: string;
  x: number;
  y: number;
  items: MenuItem[];
}

interface ContextMenuProps extends MenuRequest {
  onClose: () => void;
}

/** Keeps the menu inside the window: flipped up or left when it would overflow. */
function clamp(x: number, y: number, width: number, height: number): { left: number; top: number } {
  const margin = 4;
  const left = x + width + margin > window.innerWidth ? Math.max(margin, x - width) : x;
  const top = y + height + margin > window.innerHeight ? Math.max(margin, y - height) : y;
  return { left, top };
}

export function ContextMenu({ label, x, y, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    setPosition(clamp(x, y, rect.width, rect.height));
  }, [x, y]);

  useEffect(() => {
    const opener = document.activeElement;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const close = () => onCloseRef.current();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', close);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', close);
      window.removeEventListener('resize', close);
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  // F10 and the Menu key open a context menu; pressed in one, they close it
  const onKeyDown = useMenuKeys(ref, onClose, { closeKeys: ['F10', 'ContextMenu'], stopPropagation: true });

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={label}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.separated ? 'menu-item context-menu-item is-separated' : 'menu-item context-menu-item'}
          aria-disabled={item.disabled ? true : undefined}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.run();
          }}
        >
          {item.icon ? <Icon name={item.icon} /> : <span className="context-menu-icon-space" aria-hidden="true" />}
          <span>{item.label}</span>
        </button>
      ))}
    </div>
  );
}
