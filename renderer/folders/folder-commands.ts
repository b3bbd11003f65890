// The folder actions as commands, for the keymap, the palette and the folder's context menu:
// each acts on one folder (the one on screen, or the one the menu was opened on) and opens its
// dialog; "mark all as read" needs none.
import type { AccountId, Mailbox } from '../../shared/domain';
import type { Command } from '../app/use-app-commands';
import { effectiveRole } from '../sidebar/folder-tree';
import type { FolderRequest } from './folder-request';
import { isProtectedFolder, syncsAlways } from './folder-rules';

export const FOLDER_ACTIONS = [
  'newFolder',
  'newSubfolder',
  'renameFolder',
  'moveFolder',
  'deleteFolder',
  'markFolderRead',
  'emptyTrash',
  'emptyJunk',
  'toggleFolderSync',
  'toggleSubscription',
  'syncWindow',
] as const;

export type FolderActionId = (typeof FOLDER_ACTIONS)[number];

export interface FolderCommandContext {
  /** The folder acted on; null in a unified view or before any folder is open. */
  folder: Mailbox | null;
  /** The account a new top-level folder goes to (the folder's, else the first). */
  accountId: AccountId | null;
  mailboxes: readonly Mailbox[];
  open: (request: FolderRequest) => void;
  markRead: (mailbox: Mailbox) => void;
  /** Selective sync: turns the folder's sync on or off, or subscribes to it or not. */
  setSync: (mailbox: Mailbox, sync: boolean) => void;
  subscribe: (mailbox: Mailbox, subscribed: boolean) => void;
}

export function folderCommands({
  folder,
  accountId,
  mailboxes,
  open,
  markRead,
  setSync,
  subscribe,
}: FolderCommandContext): Record<FolderActionId, Command> {
  const account = folder?.accountId ?? accountId;
  const editable = folder !== null && !isProtectedFolder(folder, mailboxes);
  const roleFolder = (role: 'trash' | 'junk') =>
    mailboxes.find((m) => m.accountId === account && effectiveRole(m) === role && m.selectable) ?? null;
  const empty = (role: 'trash' | 'junk'): Command => {
    const target = roleFolder(role);
    return {
      enabled: target !== null && target.total > 0,
      run: () => target && open({ kind: 'empty', mailbox: target }),
    };
  };
  return {
    newFolder: {
      enabled: account !== null,
      run: () => account !== null && open({ kind: 'create', accountId: account, parent: null }),
    },
    newSubfolder: {
      enabled: folder !== null,
      run: () => folder && open({ kind: 'create', accountId: folder.accountId, parent: folder }),
    },
    renameFolder: { enabled: editable, run: () => folder && open({ kind: 'rename', mailbox: folder }) },
    moveFolder: { enabled: editable, run: () => folder && open({ kind: 'move', mailbox: folder }) },
    deleteFolder: { enabled: editable, run: () => folder && open({ kind: 'delete', mailbox: folder }) },
    markFolderRead: {
      enabled: folder !== null && folder.selectable && folder.unread > 0,
      run: () => folder && markRead(folder),
    },
    emptyTrash: empty('trash'),
    emptyJunk: empty('junk'),
    // The Inbox is always synced and subscribed.
    toggleFolderSync: {
      enabled: folder !== null && folder.selectable && effectiveRole(folder) !== 'inbox',
      run: () => folder && setSync(folder, !syncsAlways(folder)),
    },
    toggleSubscription: {
      enabled: folder !== null && effectiveRole(folder) !== 'inbox',
      run: () => folder && subscribe(folder, !folder.subscribed),
    },
    syncWindow: {
      enabled: account !== null,
      run: () => account !== null && open({ kind: 'syncWindow', accountId: account }),
    },
  };
}
