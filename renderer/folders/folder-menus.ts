// The context menus of the sidebar: a folder's (new folder inside, rename, move, mark all as
// read, empty, delete) and an account's (new folder, sync now, settings). Built from the same
// folder commands the palette and the shortcuts run, so each item does what its command does.
import type { TFunction } from 'i18next';
import type { Account, Mailbox } from '../../shared/domain';
import type { MenuItem } from '../ui/ContextMenu';
import type { IconName } from '../ui/Icon';
import { effectiveRole } from '../sidebar/folder-tree';
import { folderDisplayName } from '../sidebar/folder-name';
import { type FolderActionId, type FolderCommandContext, folderCommands } from './folder-commands';
import { syncsAlways } from './folder-rules';

const ICONS: Partial<Record<FolderActionId, IconName>> = {
  newFolder: 'plus',
  newSubfolder: 'plus',
  moveFolder: 'move',
  markFolderRead: 'mailOpen',
  emptyTrash: 'trash',
  emptyJunk: 'junk',
  deleteFolder: 'trash',
};

/** What a sidebar context menu is opened on. */
export type SidebarMenuTarget = { kind: 'folder'; mailbox: Mailbox } | { kind: 'account'; account: Account };

type MenuContext = Omit<FolderCommandContext, 'folder' | 'accountId'>;

export function folderMenu(folder: Mailbox, context: MenuContext, t: TFunction): { label: string; items: MenuItem[] } {
  const commands = folderCommands({ ...context, folder, accountId: folder.accountId });
  const role = effectiveRole(folder);
  const order: FolderActionId[] = [
    'newSubfolder',
    'renameFolder',
    'moveFolder',
    'markFolderRead',
    'toggleFolderSync',
    'toggleSubscription',
  ];
  if (role === 'trash') order.push('emptyTrash');
  if (role === 'junk') order.push('emptyJunk');
  order.push('deleteFolder');
  return {
    label: t('folderManagement.menu', { folder: folderDisplayName(folder, t) }),
    items: order.map((action) => ({
      id: action,
      label: stateLabel(action, folder, t) ?? t(`actions.${action}`),
      icon: ICONS[action] ?? null,
      disabled: !commands[action].enabled,
      separated: action === 'deleteFolder' || action === 'emptyTrash' || action === 'emptyJunk',
      run: () => commands[action].run(),
    })),
  };
}

/** The toggles say what they will do to this folder ("Stop syncing", "Subscribe"). */
function stateLabel(action: FolderActionId, folder: Mailbox, t: TFunction): string | null {
  if (action === 'toggleFolderSync')
    return syncsAlways(folder) ? t('folderManagement.syncOff') : t('folderManagement.syncOn');
  if (action === 'toggleSubscription')
    return folder.subscribed ? t('folderManagement.unsubscribe') : t('folderManagement.subscribe');
  return null;
}

export function accountMenu(
  account: Account,
  context: MenuContext & { syncNow: (account: Account) => void; openSettings: (account: Account) => void },
  t: TFunction,
): { label: string; items: MenuItem[] } {
  const commands = folderCommands({ ...context, folder: null, accountId: account.id });
  return {
    label: t('folderManagement.accountMenu', { account: account.name }),
    items: [
      { id: 'newFolder', label: t('actions.newFolder'), icon: 'plus', run: () => commands.newFolder.run() },
      { id: 'syncNow', label: t('actions.syncNow'), icon: 'refresh', run: () => context.syncNow(account) },
      { id: 'syncWindow', label: t('actions.syncWindow'), icon: null, run: () => commands.syncWindow.run() },
      {
        id: 'accountSettings',
        label: t('actions.accountSettings'),
        icon: 'account',
        run: () => context.openSettings(account),
      },
    ],
  };
}
