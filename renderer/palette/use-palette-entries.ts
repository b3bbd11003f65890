// The palette's entries in the user's language: every command that can run now (with its
// shortcut), the unified folders (with several accounts), every folder of every account, the
// move targets, and the accounts.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox } from '../../shared/domain';
import type { Commands } from '../app/use-app-commands';
import type { Chord } from '../keyboard/key-chord';
import { ACTION_IDS, type ActionId, type Keymap, bindingsOf } from '../keyboard/keymap';
import { UNIFIED_ROLES, type UnifiedRole, unifiedMailboxes, unifiedViewsShown } from '../message-list/list-source';
import { folderIcon } from '../sidebar/folder-icon';
import { buildFolderTree, visibleFolders } from '../sidebar/folder-tree';
import { folderDisplayName } from '../sidebar/folder-name';
import type { IconName } from '../ui/Icon';
import type { PaletteItem, PaletteMode } from './palette-items';

export interface PaletteEntry extends PaletteItem {
  /** Null for commands without a picture of their own (the row keeps the space). */
  icon: IconName | null;
  sequences: Chord[][];
  /** Runs the entry (mode entries open their sub-list instead). */
  run?: () => void;
}

/** Commands the palette does not list: itself, and the composer's own send key. */
const NOT_LISTED = new Set<ActionId>(['palette', 'search', 'send']);
const MODE_OF: Partial<Record<ActionId, PaletteMode>> = {
  move: 'move',
  goToFolder: 'folder',
  switchAccount: 'account',
};
const ICON_OF: Partial<Record<ActionId, IconName>> = {
  archive: 'archive',
  delete: 'trash',
  junk: 'junk',
  move: 'move',
  toggleStar: 'star',
  markRead: 'mailOpen',
  markUnread: 'mail',
  toggleRead: 'mailOpen',
  compose: 'compose',
  reply: 'reply',
  replyAll: 'replyAll',
  forward: 'forward',
  goInbox: 'inbox',
  goSent: 'sent',
  goDrafts: 'drafts',
  goTrash: 'trash',
  goArchive: 'archive',
  goToFolder: 'folder',
  switchAccount: 'account',
  syncNow: 'refresh',
  addAccount: 'plus',
  openSettings: 'settings',
  openEml: 'open',
  accountSettings: 'account',
  saveMessage: 'download',
  showOutbox: 'sent',
  notJunk: 'inbox',
  newFolder: 'plus',
  newSubfolder: 'folder',
  moveFolder: 'move',
  deleteFolder: 'trash',
  markFolderRead: 'mailOpen',
  emptyTrash: 'trash',
  emptyJunk: 'junk',
  toggleFolderSync: 'refresh',
  syncWindow: 'refresh',
};

interface EntryInput {
  commands: Commands;
  keymap: Keymap;
  accounts: readonly Account[];
  mailboxes: readonly Mailbox[];
  /** The folder on screen (its account's folders are the move targets; itself is not one). */
  current: Mailbox | null;
  locale: string;
  onGoToFolder: (mailbox: Mailbox) => void;
  /** Opens a unified folder (offered only with several accounts). */
  onGoToUnified?: (role: UnifiedRole) => void;
  onMove: (mailbox: Mailbox) => void;
  onSwitchAccount: (account: Account) => void;
}

/** "Go to All Inboxes" and the unified folders, for each role some account has. */
function unifiedEntries(
  accounts: readonly Account[],
  mailboxes: readonly Mailbox[],
  onGoToUnified: ((role: UnifiedRole) => void) | undefined,
  t: TFunction,
): { commands: PaletteEntry[]; folders: PaletteEntry[] } {
  const commands: PaletteEntry[] = [];
  const folders: PaletteEntry[] = [];
  if (!onGoToUnified || !unifiedViewsShown(accounts.length)) return { commands, folders };
  for (const role of UNIFIED_ROLES) {
    if (unifiedMailboxes(mailboxes, role).length === 0) continue;
    const run = () => onGoToUnified(role);
    const icon = folderIcon(role);
    commands.push({
      id: `unified-go:${role}`,
      kind: 'command',
      label: t(`unified.goTo.${role}`),
      icon,
      sequences: [],
      run,
    });
    folders.push({
      id: `unified:${role}`,
      kind: 'folder',
      label: t(`unified.folder.${role}`),
      detail: t('unified.group'),
      icon,
      sequences: [],
      run,
    });
  }
  return { commands, folders };
}

export function usePaletteEntries(input: EntryInput): PaletteEntry[] {
  const { t } = useTranslation();
  const {
    commands,
    keymap,
    accounts,
    mailboxes,
    current,
    locale,
    onGoToFolder,
    onGoToUnified,
    onMove,
    onSwitchAccount,
  } = input;

  return useMemo(() => {
    const entries: PaletteEntry[] = [];
    const unified = unifiedEntries(accounts, mailboxes, onGoToUnified, t);
    for (const action of ACTION_IDS) {
      // Beside the account's own "Go to" commands.
      if (action === 'goToFolder') entries.push(...unified.commands);
      if (NOT_LISTED.has(action) || !commands[action].enabled) continue;
      const opens = MODE_OF[action];
      entries.push({
        id: `action:${action}`,
        kind: opens ? 'mode' : 'command',
        label: t(`actions.${action}`),
        icon: ICON_OF[action] ?? null,
        sequences: bindingsOf(keymap, action).map((binding) => binding.sequence),
        opens,
        run: opens ? undefined : () => commands[action].run(),
      });
    }
    entries.push(...unified.folders);

    const accountName = new Map(accounts.map((account) => [account.id, account.name]));
    const several = accounts.length > 1;
    const canMove = commands.move.enabled;
    for (const account of accounts) {
      const tree = buildFolderTree(
        mailboxes.filter((mailbox) => mailbox.accountId === account.id),
        locale,
      );
      for (const { node } of visibleFolders(tree, new Set())) {
        const mailbox = node.mailbox;
        if (!mailbox?.selectable) continue;
        const name = folderDisplayName(mailbox, t);
        const parent = mailbox.parentPath && mailbox.parentPath !== mailbox.path ? mailbox.parentPath : null;
        const detail = [several ? accountName.get(mailbox.accountId) : null, parent].filter(Boolean).join(' · ');
        entries.push({
          id: `folder:${mailbox.id}`,
          kind: 'folder',
          label: name,
          detail: detail || undefined,
          icon: folderIcon(node.role),
          sequences: [],
          run: () => onGoToFolder(mailbox),
        });
        if (canMove && current && mailbox.accountId === current.accountId && mailbox.id !== current.id)
          entries.push({
            id: `move:${mailbox.id}`,
            kind: 'move',
            label: name,
            detail: parent ?? undefined,
            icon: folderIcon(node.role),
            sequences: [],
            run: () => onMove(mailbox),
          });
      }
    }
    for (const account of accounts)
      entries.push({
        id: `account:${account.id}`,
        kind: 'account',
        label: account.name,
        detail: account.email,
        icon: 'account',
        sequences: [],
        run: () => onSwitchAccount(account),
      });
    return entries;
  }, [commands, keymap, accounts, mailboxes, current, locale, onGoToFolder, onGoToUnified, onMove, onSwitchAccount, t]);
}
