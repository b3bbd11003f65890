// "Move to…": a menu of the account's folders (the current one left out), keyboard-operable.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailboxId } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { buildFolderTree, visibleFolders } from '../sidebar/folder-tree';
import { folderDisplayName } from '../sidebar/folder-name';
import { folderIcon } from '../sidebar/folder-icon';
import { Icon } from '../ui/Icon';

interface MoveMenuProps {
  mailboxes: readonly Mailbox[];
  currentMailboxId: MailboxId | null;
  disabled: boolean;
  onMove: (mailbox: Mailbox) => void;
}

const NOTHING_COLLAPSED: ReadonlySet<string> = new Set();

export function MoveMenu({ mailboxes, currentMailboxId, disabled, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  const choices = useMemo(
    () =>
      visibleFolders(buildFolderTree(mailboxes, locale), NOTHING_COLLAPSED).filter(
        ({ node }) => node.mailbox?.selectable && node.mailbox.id !== currentMailboxId,
      ),
    [mailboxes, locale, currentMailboxId],
  );

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
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

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
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
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="move-menu">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label={t('toolbar.move')}
        title={t('toolbar.move')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled || choices.length === 0}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="move" size={18} />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="popover-menu"
          role="menu"
          aria-label={t('toolbar.moveMenu')}
          onKeyDown={onMenuKeyDown}
        >
          {choices.map(({ node, level }) => {
            const mailbox = node.mailbox;
            if (!mailbox) return null;
            const name = folderDisplayName(node, t);
            return (
              <button
                key={node.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                aria-label={t('toolbar.moveTo', { folder: name })}
                style={{ paddingInlineStart: `${8 + (level - 1) * 16}px` }}
                onClick={() => {
                  close();
                  onMove(mailbox);
                }}
              >
                <Icon name={folderIcon(node.role)} />
                <span>{name}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
