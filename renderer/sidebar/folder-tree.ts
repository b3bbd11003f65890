// Builds one account's folder tree from the flat list `mailboxes.list` returns.
// Special-use folders come first in the order people expect (Inbox, Drafts, Sent, Archive,
// Junk, Trash) at every level; other folders follow alphabetically by the server's name.
import type { Mailbox, MailboxRole } from '../../shared/domain';

export const ROLE_ORDER: readonly MailboxRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash'];

export interface FolderNode {
  /** Unique within the whole sidebar: account id + server path. */
  key: string;
  path: string;
  /** The server's last path segment (never translated). */
  name: string;
  role: MailboxRole | null;
  /** Null for a parent the server did not list (it only exists to hold children). */
  mailbox: Mailbox | null;
  children: FolderNode[];
}

/** The role to show: the server's special-use flag, or INBOX by its reserved name. */
export function effectiveRole(mailbox: Pick<Mailbox, 'role' | 'path'>): MailboxRole | null {
  if (mailbox.role) return mailbox.role;
  return mailbox.path.toUpperCase() === 'INBOX' ? 'inbox' : null;
}

export function folderKey(accountId: string, path: string): string {
  return `${accountId}\u0000${path}`;
}

function lastSegment(path: string, delimiter: string): string {
  if (!delimiter) return path;
  const index = path.lastIndexOf(delimiter);
  return index >= 0 ? path.slice(index + delimiter.length) : path;
}

function parentOf(path: string, delimiter: string): string | null {
  if (!delimiter) return null;
  const index = path.lastIndexOf(delimiter);
  return index > 0 ? path.slice(0, index) : null;
}

export function compareFolders(collator: Intl.Collator): (a: FolderNode, b: FolderNode) => number {
  return (a, b) => {
    const rankA = a.role ? ROLE_ORDER.indexOf(a.role) : ROLE_ORDER.length;
    const rankB = b.role ? ROLE_ORDER.indexOf(b.role) : ROLE_ORDER.length;
    if (rankA !== rankB) return rankA - rankB;
    return collator.compare(a.name, b.name) || collator.compare(a.path, b.path);
  };
}

const collators = new Map<string, Intl.Collator>();

/** One collator per locale: creating one costs more than sorting a whole folder list with it. */
function folderCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/** `mailboxes` must belong to one account. Returns the top-level folders, sorted. */
export function buildFolderTree(mailboxes: readonly Mailbox[], locale = 'en'): FolderNode[] {
  const collator = folderCollator(locale);
  const nodes = new Map<string, FolderNode>();
  const parentPaths = new Map<string, string | null>();
  const roots: FolderNode[] = [];

  for (const mailbox of mailboxes) {
    nodes.set(mailbox.path, {
      key: folderKey(mailbox.accountId, mailbox.path),
      path: mailbox.path,
      name: mailbox.name || lastSegment(mailbox.path, mailbox.delimiter),
      role: effectiveRole(mailbox),
      mailbox,
      children: [],
    });
    parentPaths.set(
      mailbox.path,
      mailbox.parentPath && mailbox.parentPath !== mailbox.path ? mailbox.parentPath : null,
    );
  }

  // A parent the server did not list still appears, so its children are not orphaned.
  const ensurePlaceholder = (path: string, template: Mailbox): void => {
    let current: string | null = path;
    while (current !== null && !nodes.has(current)) {
      nodes.set(current, {
        key: folderKey(template.accountId, current),
        path: current,
        name: lastSegment(current, template.delimiter),
        role: null,
        mailbox: null,
        children: [],
      });
      const parent = parentOf(current, template.delimiter);
      parentPaths.set(current, parent);
      current = parent;
    }
  };
  for (const mailbox of mailboxes) {
    const parent = parentPaths.get(mailbox.path);
    if (parent) ensurePlaceholder(parent, mailbox);
  }

  for (const [path, node] of nodes) {
    const parentPath = parentPaths.get(path) ?? null;
    const parent = parentPath !== null ? nodes.get(parentPath) : undefined;
    if (parent && !isAncestor(node.path, parentPath, parentPaths)) parent.children.push(node);
    else roots.push(node);
  }

  const sort = (list: FolderNode[]): FolderNode[] => {
    list.sort(compareFolders(collator));
    for (const node of list) sort(node.children);
    return list;
  };
  return sort(roots);
}

/** Guards against a server that reports a cycle in parent paths. */
function isAncestor(path: string, candidate: string | null, parents: Map<string, string | null>): boolean {
  let current = candidate;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    if (current === path) return true;
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return false;
}

/** Depth-first list of the nodes a person can see, given which keys are collapsed. */
export function visibleFolders(
  roots: readonly FolderNode[],
  collapsed: ReadonlySet<string>,
  level = 1,
): { node: FolderNode; level: number }[] {
  const out: { node: FolderNode; level: number }[] = [];
  for (const node of roots) {
    out.push({ node, level });
    if (node.children.length > 0 && !collapsed.has(node.key))
      out.push(...visibleFolders(node.children, collapsed, level + 1));
  }
  return out;
}
