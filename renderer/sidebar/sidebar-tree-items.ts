// The rows of the sidebar tree: one per account (level 1) with its folders below, flattened
// in display order with what ARIA needs (level, position in set, expandability).
import type { Account, Mailbox } from '../../shared/domain';
import { type FolderNode, buildFolderTree } from './folder-tree';

export type SidebarItem =
  | { kind: 'account'; key: string; account: Account; level: 1; hasChildren: boolean }
  | { kind: 'folder'; key: string; node: FolderNode; accountId: string; level: number; hasChildren: boolean };

export interface PlacedItem {
  item: SidebarItem;
  parentKey: string | null;
  setSize: number;
  posInSet: number;
}

export function accountKey(accountId: string): string {
  return `account\u0000${accountId}`;
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

  accounts.forEach((account, index) => {
    const key = accountKey(account.id);
    const roots = buildFolderTree(
      mailboxes.filter((mailbox) => mailbox.accountId === account.id),
      locale,
    );
    placed.push({
      item: { kind: 'account', key, account, level: 1, hasChildren: roots.length > 0 },
      parentKey: null,
      setSize: accounts.length,
      posInSet: index + 1,
    });
    if (!collapsed.has(key)) placeFolders(roots, account.id, 2, key);
  });
  return placed;
}
