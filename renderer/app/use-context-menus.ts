// The one context menu on screen and what opens it: a folder or account in the sidebar, or
// messages in the list. A right-click on a message outside the selection selects it first
// (as in every mail client), so the menu acts on what it was opened on. The message menu's items
// are read from the commands at each render, so they follow that new selection.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox, MessageHeader } from '../../shared/domain';
import { type SidebarMenuTarget, accountMenu, folderMenu } from '../folders/folder-menus';
import type { FolderManagement } from '../folders/use-folder-management';
import { type Selection, selectOnly } from '../message-list/selection';
import type { MenuRequest } from '../ui/ContextMenu';
import { useTransport } from './app-services';
import { messageMenuItems } from './message-menu';
import type { Commands } from './use-app-commands';

export type MenuPosition = { x: number; y: number };

interface ContextMenuDeps {
  commands: Commands;
  mailboxes: readonly Mailbox[];
  folders: FolderManagement;
  selection: Selection;
  changeSelection: (selection: Selection) => void;
  targetCount: number;
  openAccountSettings: (account: Account) => void;
}

type OpenMenu = (MenuRequest & { kind: 'fixed' }) | (MenuPosition & { kind: 'messages' });

export function useContextMenus(deps: ContextMenuDeps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const latest = useRef(deps);
  useEffect(() => {
    latest.current = deps;
  });

  const close = useCallback(() => setMenu(null), []);

  const openSidebarMenu = useCallback(
    (target: SidebarMenuTarget, position: MenuPosition) => {
      const { mailboxes, folders, openAccountSettings } = latest.current;
      const context = {
        mailboxes,
        open: folders.open,
        markRead: folders.markRead,
        setSync: folders.setSync,
        subscribe: folders.subscribe,
      };
      const built =
        target.kind === 'folder'
          ? folderMenu(target.mailbox, context, t)
          : accountMenu(
              target.account,
              {
                ...context,
                syncNow: (account) =>
                  void transport.invoke('sync.now', { accountId: account.id }).catch(() => undefined),
                openSettings: openAccountSettings,
              },
              t,
            );
      setMenu({ kind: 'fixed', ...built, ...position });
    },
    [t, transport],
  );

  const openMessageMenu = useCallback(
    (row: { header: MessageHeader; index: number } | null, position: MenuPosition) => {
      const { selection, changeSelection } = latest.current;
      if (row && !selection.ids.has(row.header.id)) changeSelection(selectOnly(row.header.id, row.index));
      else if (!row && selection.ids.size === 0) return;
      setMenu({ kind: 'messages', ...position });
    },
    [],
  );

  const request: MenuRequest | null = useMemo(() => {
    if (!menu) return null;
    if (menu.kind === 'fixed') return menu;
    const items = messageMenuItems(deps.commands, t);
    if (items.length === 0) return null;
    return {
      label: t('folderManagement.messageMenu', { count: Math.max(1, deps.targetCount) }),
      x: menu.x,
      y: menu.y,
      items,
    };
  }, [menu, deps.commands, deps.targetCount, t]);

  return { request, close, openSidebarMenu, openMessageMenu };
}
