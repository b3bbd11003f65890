// The folder tree: accounts with their folders (and, with several accounts, the unified
// folders above them), keyboard-navigable as a WAI-ARIA tree (arrows move and select,
// Left/Right collapse and expand, Home/End jump). Each folder's accessible name is its display
// name; its unread count is its description.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { formatCount } from '../format/format-size';
import { accountLabels } from '../message-list/account-labels';
import { AccountDot } from '../message-list/AccountChip';
import { type ListSource, type UnifiedRole } from '../message-list/list-source';
import { Icon } from '../ui/Icon';
import { isContextMenuKey, menuPositionOf } from '../ui/context-menu-key';
import type { SidebarMenuTarget } from '../folders/folder-menus';
import { type DropTarget, currentDrag, wantsCopy } from '../folders/drag-data';
import type { FolderDrops } from '../folders/use-folder-drops';
import { folderDisplayName } from './folder-name';
import { folderIcon } from './folder-icon';
import { type PlacedItem, type SidebarItem, sidebarItems, unifiedKey } from './sidebar-tree-items';
import { useCollapsedFolders } from './use-collapsed-folders';

interface FolderTreeProps {
  accounts: readonly Account[];
  mailboxes: readonly Mailbox[];
  selected: ListSource | null;
  onSelect: (mailbox: Mailbox) => void;
  onSelectUnified: (role: UnifiedRole) => void;
  /** A right-click, the Menu key or Shift+F10 on a folder or an account: its context menu. */
  onContextMenu?: (target: SidebarMenuTarget, position: { x: number; y: number }) => void;
  /** Drops of messages and folders (renderer/folders/use-folder-drops.ts). */
  drops?: FolderDrops;
}

function domId(placed: PlacedItem, index: number): string {
  const { item } = placed;
  if (item.kind === 'unified') return `folder-unified-${item.role}`;
  return item.kind === 'folder' && item.node.mailbox ? `folder-${item.node.mailbox.id}` : `folder-item-${index}`;
}

/** Account rows and the "All accounts" row head a group; they are not folders one can open. */
function isGroup(item: SidebarItem): boolean {
  return item.kind === 'account' || item.kind === 'unifiedGroup';
}

function selectedKeyOf(items: readonly PlacedItem[], selected: ListSource | null): string | null {
  if (selected === null) return null;
  if (selected.kind === 'unified') return unifiedKey(selected.role);
  return (
    items.find(({ item }) => item.kind === 'folder' && item.node.mailbox?.id === selected.mailboxId)?.item.key ?? null
  );
}

export function FolderTree({
  accounts,
  mailboxes,
  selected,
  onSelect,
  onSelectUnified,
  onContextMenu,
  drops,
}: FolderTreeProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [collapsed, setCollapsed] = useCollapsedFolders();
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  /** The item a drag hovers over that takes the drop: highlighted. */
  const [dropKey, setDropKey] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLDivElement>());

  const items = useMemo(
    () => sidebarItems(accounts, mailboxes, collapsed, locale),
    [accounts, mailboxes, collapsed, locale],
  );
  // Account colours only mean something where a list mixes accounts, i.e. with several of them.
  const colours = useMemo(() => (accounts.length > 1 ? accountLabels(accounts) : null), [accounts]);
  const selectedKey = selectedKeyOf(items, selected);
  const tabStop = items.some(({ item }) => item.key === focusedKey) ? focusedKey : (selectedKey ?? items[0]?.item.key);

  const focusItem = (key: string) => {
    setFocusedKey(key);
    itemRefs.current.get(key)?.focus();
  };

  const activate = (placed: PlacedItem) => {
    const { item } = placed;
    if (item.kind === 'folder' && item.node.mailbox?.selectable) onSelect(item.node.mailbox);
    else if (item.kind === 'unified') onSelectUnified(item.role);
  };

  const moveTo = (index: number) => {
    const target = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!target) return;
    focusItem(target.item.key);
    activate(target);
  };

  const menuTarget = (item: SidebarItem): SidebarMenuTarget | null => {
    if (item.kind === 'account') return { kind: 'account', account: item.account };
    if (item.kind === 'folder' && item.node.mailbox) return { kind: 'folder', mailbox: item.node.mailbox };
    return null;
  };

  const dropTarget = (item: SidebarItem): DropTarget | null => {
    if (item.kind === 'account') return { accountId: item.account.id };
    if (item.kind === 'folder' && item.node.mailbox) return { mailbox: item.node.mailbox };
    return null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, placed: PlacedItem, index: number) => {
    const { item } = placed;
    if (isContextMenuKey(event)) {
      const target = menuTarget(item);
      if (target && onContextMenu) {
        event.preventDefault();
        event.stopPropagation();
        onContextMenu(target, menuPositionOf(event.currentTarget));
      }
      return;
    }
    const expanded = item.hasChildren && !collapsed.has(item.key);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'ArrowRight':
        if (item.hasChildren && !expanded) setCollapsed(item.key, false);
        else if (expanded) moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (expanded) setCollapsed(item.key, true);
        else if (placed.parentKey) focusItem(placed.parentKey);
        break;
      case 'Enter':
      case ' ':
        activate(placed);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="folder-tree" role="tree" aria-label={t('folders.label')}>
      {items.map((placed, index) => {
        const { item } = placed;
        const id = domId(placed, index);
        const expanded = item.hasChildren ? !collapsed.has(item.key) : undefined;
        const isAccount = isGroup(item);
        const mailbox = item.kind === 'folder' ? item.node.mailbox : null;
        const name =
          item.kind === 'account'
            ? item.account.name
            : item.kind === 'unifiedGroup'
              ? t('unified.group')
              : item.kind === 'unified'
                ? t(`unified.folder.${item.role}`)
                : folderDisplayName(item.node, t);
        const unread = item.kind === 'unified' ? item.unread : (mailbox?.unread ?? 0);
        const isSelected = !isAccount && item.key === selectedKey;
        // selective sync: a folder the engine does not sync says so (italic, and in its description)
        const unsynced = mailbox?.syncEnabled === false;
        // a Gmail label folder: synced only while it is open (its messages show their labels)
        const whileOpen = !unsynced && mailbox?.syncOnOpen === true;
        const describedBy = [unread > 0 ? `${id}-unread` : null, unsynced || whileOpen ? `${id}-unsynced` : null]
          .filter(Boolean)
          .join(' ');
        const className = [
          'tree-item',
          isAccount ? 'tree-item-account' : 'tree-item-folder',
          item.kind === 'unified' || item.kind === 'unifiedGroup' ? 'is-unified' : '',
          isSelected ? 'is-selected' : '',
          mailbox && !mailbox.selectable ? 'is-container' : '',
          unsynced ? 'is-unsynced' : '',
          item.key === dropKey ? 'is-drop-target' : '',
          item.kind === 'folder' && !mailbox ? 'is-container' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <div
            key={item.key}
            id={id}
            ref={(element) => {
              if (element) itemRefs.current.set(item.key, element);
              else itemRefs.current.delete(item.key);
            }}
            className={className}
            role="treeitem"
            aria-label={name}
            aria-describedby={describedBy || undefined}
            aria-level={item.level}
            aria-setsize={placed.setSize}
            aria-posinset={placed.posInSet}
            aria-expanded={expanded}
            aria-selected={isAccount ? undefined : isSelected}
            tabIndex={item.key === tabStop ? 0 : -1}
            style={{ paddingInlineStart: `${8 + (item.level - 1) * 16}px` }}
            onClick={() => {
              setFocusedKey(item.key);
              if (isAccount) setCollapsed(item.key, !!expanded);
              else activate(placed);
            }}
            onKeyDown={(event) => onKeyDown(event, placed, index)}
            draggable={!!(drops && mailbox && drops.canDragFolder(mailbox))}
            onDragStart={(event) => {
              if (drops && mailbox) drops.dragFolder(mailbox, event.dataTransfer);
            }}
            onDragOver={(event) => {
              const target = dropTarget(item);
              if (!drops || !target || !drops.accepts(target)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = currentDrag()?.kind === 'messages' && wantsCopy(event) ? 'copy' : 'move';
              if (dropKey !== item.key) setDropKey(item.key);
            }}
            onDragLeave={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                setDropKey((key) => (key === item.key ? null : key));
            }}
            onDrop={(event) => {
              const target = dropTarget(item);
              setDropKey(null);
              if (!drops || !target) return;
              event.preventDefault();
              drops.drop(target, wantsCopy(event));
            }}
            onContextMenu={(event) => {
              const target = menuTarget(item);
              if (!target || !onContextMenu) return;
              event.preventDefault();
              setFocusedKey(item.key);
              onContextMenu(target, { x: event.clientX, y: event.clientY });
            }}
          >
            <span
              className="tree-chevron"
              aria-hidden="true"
              onClick={(event) => {
                if (!item.hasChildren) return;
                event.stopPropagation();
                setCollapsed(item.key, !!expanded);
              }}
            >
              {item.hasChildren && <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={12} />}
            </span>
            {isAccount ? (
              <>
                {item.kind === 'account' && colours?.get(item.account.id) && (
                  <AccountDot colour={colours.get(item.account.id)!.colour} />
                )}
                <span className="tree-account-name">{name}</span>
                {item.kind === 'account' && item.account.protocol === 'pop3' && (
                  <span className="tree-account-protocol" title={t('pop3.badgeLabel', { account: name })}>
                    {t('pop3.badge')}
                  </span>
                )}
              </>
            ) : (
              <>
                <Icon
                  name={folderIcon(
                    item.kind === 'unified' ? item.role : item.kind === 'folder' ? item.node.role : null,
                  )}
                  className="tree-icon"
                />
                <span className="tree-name">{name}</span>
                {(unsynced || whileOpen) && (
                  <span id={`${id}-unsynced`} className="visually-hidden">
                    {unsynced ? t('folderManagement.notSynced') : t('folderManagement.syncedWhileOpen')}
                  </span>
                )}
                {unread > 0 && (
                  <>
                    <span className="tree-badge" aria-hidden="true">
                      {formatCount(unread, locale)}
                    </span>
                    <span id={`${id}-unread`} className="visually-hidden">
                      {t('folders.unread', { count: unread })}
                    </span>
                  </>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
