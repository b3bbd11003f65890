import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mailbox, MailboxRole } from '../../shared/domain';
import { buildFolderTree, visibleFolders } from '../../renderer/sidebar/folder-tree';
import { sidebarItems } from '../../renderer/sidebar/sidebar-tree-items';

let nextId = 1;
function mailbox(path: string, role: MailboxRole | null = null, options: Partial<Mailbox> = {}): Mailbox {
  const delimiter = options.delimiter ?? '/';
  const index = path.lastIndexOf(delimiter);
  return {
    id: nextId++,
    accountId: 'acc',
    path,
    name: index >= 0 ? path.slice(index + delimiter.length) : path,
    parentPath: index >= 0 ? path.slice(0, index) : null,
    delimiter,
    role,
    subscribed: true,
    selectable: true,
    unread: 0,
    total: 0,
    ...options,
  };
}

const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);

describe('folder tree', () => {
  it('puts special-use folders first in the order Inbox, Drafts, Sent, Archive, Junk, Trash, then the rest alphabetically', () => {
    const tree = buildFolderTree([
      mailbox('Zebra'),
      mailbox('Deleted Items', 'trash'),
      mailbox('apples'),
      mailbox('Spam', 'junk'),
      mailbox('Sent Messages', 'sent'),
      mailbox('Archive', 'archive'),
      mailbox('Drafts', 'drafts'),
      mailbox('INBOX', 'inbox'),
      mailbox('Bananas'),
    ]);
    expect(names(tree)).toEqual([
      'INBOX',
      'Drafts',
      'Sent Messages',
      'Archive',
      'Spam',
      'Deleted Items',
      'apples',
      'Bananas',
      'Zebra',
    ]);
  });

  it('recognises INBOX by its reserved name when the server sends no role', () => {
    const tree = buildFolderTree([mailbox('Archive'), mailbox('INBOX')]);
    expect(tree[0]?.role).toBe('inbox');
  });

  it('nests folders under their parent path and sorts every level', () => {
    const tree = buildFolderTree([
      mailbox('Projects/Zeta'),
      mailbox('Projects'),
      mailbox('Projects/Alpha'),
      mailbox('Projects/Alpha/2026'),
      mailbox('INBOX', 'inbox'),
    ]);
    expect(names(tree)).toEqual(['INBOX', 'Projects']);
    const projects = tree[1]!;
    expect(names(projects.children)).toEqual(['Alpha', 'Zeta']);
    expect(names(projects.children[0]!.children)).toEqual(['2026']);
  });

  it('honours the server delimiter (INBOX.Sent on Courier-style servers)', () => {
    const tree = buildFolderTree([
      mailbox('INBOX', 'inbox', { delimiter: '.' }),
      mailbox('INBOX.Trash', 'trash', { delimiter: '.' }),
      mailbox('INBOX.Sent', 'sent', { delimiter: '.' }),
      mailbox('INBOX.Lists', null, { delimiter: '.' }),
    ]);
    expect(names(tree)).toEqual(['INBOX']);
    expect(names(tree[0]!.children)).toEqual(['Sent', 'Trash', 'Lists']);
  });

  it('creates a placeholder for a parent the server did not list', () => {
    const tree = buildFolderTree([mailbox('Clients/Acme/Invoices')]);
    expect(names(tree)).toEqual(['Clients']);
    expect(tree[0]!.mailbox).toBeNull();
    expect(names(tree[0]!.children)).toEqual(['Acme']);
    expect(tree[0]!.children[0]!.children[0]!.mailbox?.path).toBe('Clients/Acme/Invoices');
  });

  it('survives a server that reports a folder as its own ancestor', () => {
    const a = mailbox('A', null, { parentPath: 'B' });
    const b = mailbox('B', null, { parentPath: 'A' });
    const tree = buildFolderTree([a, b]);
    const all = visibleFolders(tree, new Set());
    expect(all.map(({ node }) => node.path).sort()).toEqual(['A', 'B']);
  });

  it('hides the children of collapsed folders', () => {
    const tree = buildFolderTree([mailbox('Projects'), mailbox('Projects/Alpha'), mailbox('Notes')]);
    expect(visibleFolders(tree, new Set()).map(({ node, level }) => `${level}:${node.name}`)).toEqual([
      '1:Notes',
      '1:Projects',
      '2:Alpha',
    ]);
    const projectsKey = tree.find((node) => node.name === 'Projects')!.key;
    expect(visibleFolders(tree, new Set([projectsKey])).map(({ node }) => node.name)).toEqual(['Notes', 'Projects']);
  });

  it('sorts alphabetically by the locale (Swedish å, ä, ö after z)', () => {
    const tree = buildFolderTree([mailbox('Ödla'), mailbox('Zebra'), mailbox('Äpple'), mailbox('Apa')], 'sv');
    expect(names(tree)).toEqual(['Apa', 'Zebra', 'Äpple', 'Ödla']);
  });

  it('places accounts at level 1 with their folders below, with ARIA set positions', () => {
    const account = { id: 'acc', name: 'Work' } as Parameters<typeof sidebarItems>[0][number];
    const items = sidebarItems([account], [mailbox('INBOX', 'inbox'), mailbox('Sent', 'sent')], new Set(), 'en');
    expect(items.map(({ item, setSize, posInSet }) => `${item.level}:${item.kind}:${posInSet}/${setSize}`)).toEqual([
      '1:account:1/1',
      '2:folder:1/2',
      '2:folder:2/2',
    ]);
  });
});

describe('buildFolderTree collator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('makes one collator per locale, not one per tree', () => {
    // each account's tree is built on every change of its folders; making the collator was most of it
    const Original = Intl.Collator;
    const made = vi.spyOn(Intl, 'Collator').mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.Collator>
    ) {
      return new Original(...args);
    } as unknown as typeof Intl.Collator);
    const folders = [mailbox('Work'), mailbox('archive')];
    buildFolderTree(folders, 'fr');
    buildFolderTree(folders, 'fr');
    buildFolderTree(folders, 'fr');
    expect(made).toHaveBeenCalledTimes(1);
    expect(buildFolderTree(folders, 'fr').map((node) => node.name)).toEqual(['archive', 'Work']);
  });
});
