// The rows of the sidebar tree: one per account (level 1) with its folders below, flattened
// in display order with what ARIA needs (level, position in set, expandability). With more
// than one account, an "All accounts" group comes first with the unified Inbox, Drafts, Sent.
import type { Account, Mailbox } from '../../shared/domain';
import { UNIFIED_ROLES, type UnifiedRole, unifiedMailboxes, unifiedViewsShown } from '../message-list/list-source';
import { type FolderNode, buildFolderTree } from './folder-tree';

export type SidebarItem =
  | { kind: 'account'; key: string; account: Account; level: 1; hasChildren: boolean }
  | { kind: 'folder'; key: string; node: FolderNode; accountId: string; level: number; hasChildren: boolean }
  | { kind: 'unifiedGroup'; key: string; level: 1; hasChildren: boolean }
  /** `unread`: the sum over the accounts' folders of this role. */
  | { kind: 'unified'; key: string; role: UnifiedRole; unread: number; level: 2; hasChildren: false };

export interface PlacedItem {
  item: SidebarItem;
  parentKey: string | null;
  setSize: number;
  posInSet: number;
}

export function accountKey(accountId: string): string {
  return `account\u0000${accountId}`;
}

export const UNIFIED_GROUP_KEY = 'unified\u0000group';

export function unifiedKey(role: UnifiedRole): string {
  return `unified\u0000${role}`;
}

/** The unified folders that have something to unify: a role at least one account has. */
function unifiedItems(mailboxes: readonly Mailbox[]): SidebarItem[] {
  return UNIFIED_ROLES.flatMap((role) => {
    const folders = unifiedMailboxes(mailboxes, role);
    if (folders.length === 0) return [];
    const unread = folders.reduce((sum, mailbox) => sum + mailbox.unread, 0);
    return [
      { kind: 'unified' as const, key: unifiedKey(role), role, unread, level: 2 as const, hasChildren: false as const },
    ];
  });
}

export function sidebarItems(
  accounts: readonly Account[],
  mailboxes: readonly Mailbox[],
  collapsed: ReadonlySet<string>,
  locale: string,
): PlacedItem[] {
  const placed: PlacedItem[] = [];
  const placeFolders = (nodes: readonly FolderNode[], accountId: string, level: number, parentKey: string) => {
    nodes.forEach((node, index) => {
      placed.push({
        item: { kind: 'folder', key: node.key, node, accountId, level, hasChildren: node.children.length > 0 },
        parentKey,
        setSize: nodes.length,
        posInSet: index + 1,
      });
      if (node.children.length > 0 && !collapsed.has(node.key))
        placeFolders(node.children, accountId, level + 1, node.key);
    });
  };

  const unified = unifiedViewsShown(accounts.length) ? unifiedItems(mailboxes) : [];
  const groups = accounts.length + (unified.length > 0 ? 1 : 0);
  if (unified.length > 0) {
    placed.push({
      item: { kind: 'unifiedGroup', key: UNIFIED_GROUP_KEY, level: 1, hasChildren: true },
      parentKey: null,
      setSize: groups,
      posInSet: 1,
    });
    if (!collapsed.has(UNIFIED_GROUP_KEY))
      unified.forEach((item, index) =>
        placed.push({ item, parentKey: UNIFIED_GROUP_KEY, setSize: unified.length, posInSet: index + 1 }),
      );
  }

  accounts.forEach((account, index) => {
    const key = accountKey(account.id);
    const roots = buildFolderTree(
      mailboxes.filter((mailbox) => mailbox.accountId === account.id),
      locale,
    );
    placed.push({
      item: { kind: 'account', key, account, level: 1, hasChildren: roots.length > 0 },
      parentKey: null,
      setSize: groups,
      posInSet: groups - accounts.length + index + 1,
    });
    if (!collapsed.has(key)) placeFolders(roots, account.id, 2, key);
  });
  return placed;
}
