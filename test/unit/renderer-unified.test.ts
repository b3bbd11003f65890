// The unified folders' pure parts: which folders a list shows, when the "All accounts" group
// appears in the sidebar tree and what it sums, and the account labels of mixed rows.
import { describe, expect, it } from 'vitest';
import type { Account, Mailbox, MailboxRole } from '../../shared/domain';
import { accountLabels, ACCOUNT_COLOURS } from '../../renderer/message-list/account-labels';
import {
  mailboxSource,
  sameSource,
  sourceAvailable,
  sourceKey,
  sourceMailboxes,
  sourceRole,
  unifiedMailboxes,
  unifiedSource,
} from '../../renderer/message-list/list-source';
import { UNIFIED_GROUP_KEY, sidebarItems, unifiedKey } from '../../renderer/sidebar/sidebar-tree-items';

let nextId = 1;
function mailbox(accountId: string, path: string, role: MailboxRole | null, unread = 0): Mailbox {
  return {
    id: nextId++,
    accountId,
    path,
    name: path,
    parentPath: null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread,
    total: unread + 10,
  };
}

function account(id: string, name = id): Account {
  return { id, name } as Account;
}

const alice = [
  mailbox('alice', 'INBOX', null, 3),
  mailbox('alice', 'Sent', 'sent', 0),
  mailbox('alice', 'Drafts', 'drafts', 1),
  mailbox('alice', 'Archive', 'archive', 7),
];
const bob = [mailbox('bob', 'INBOX', 'inbox', 2), mailbox('bob', 'Sent Items', 'sent', 4)];
const all = [...alice, ...bob];

describe('list sources', () => {
  it('a unified view shows each account’s folder of its role, INBOX recognised by name', () => {
    expect(unifiedMailboxes(all, 'inbox').map((m) => `${m.accountId}:${m.path}`)).toEqual(['alice:INBOX', 'bob:INBOX']);
    expect(sourceMailboxes(unifiedSource('sent'), all).map((m) => m.path)).toEqual(['Sent', 'Sent Items']);
    // bob has no Drafts: only alice's is shown
    expect(sourceMailboxes(unifiedSource('drafts'), all).map((m) => m.accountId)).toEqual(['alice']);
  });

  it('takes one folder per account, the first listed, as the engine does', () => {
    const twice = [...all, mailbox('bob', 'INBOX-old', 'inbox')];
    expect(
      unifiedMailboxes(twice, 'inbox')
        .filter((m) => m.accountId === 'bob')
        .map((m) => m.path),
    ).toEqual(['INBOX']);
  });

  it('a mailbox source shows just that mailbox, and nothing once it is gone', () => {
    const archive = alice[3]!;
    expect(sourceMailboxes(mailboxSource(archive.id), all)).toEqual([archive]);
    expect(sourceMailboxes(mailboxSource(99_999), all)).toEqual([]);
    expect(sourceMailboxes(null, all)).toEqual([]);
  });

  it('keys tell sources apart and equal sources alike', () => {
    expect(sourceKey(unifiedSource('inbox'))).not.toBe(sourceKey(unifiedSource('sent')));
    expect(sourceKey(mailboxSource(1))).not.toBe(sourceKey(mailboxSource(2)));
    expect(sameSource(mailboxSource(5), { kind: 'mailbox', mailboxId: 5 })).toBe(true);
    expect(sameSource(unifiedSource('inbox'), mailboxSource(1))).toBe(false);
    expect(sameSource(null, null)).toBe(true);
  });

  it('a unified view is available only with two accounts or more and a folder of its role', () => {
    expect(sourceAvailable(unifiedSource('inbox'), 2, all)).toBe(true);
    expect(sourceAvailable(unifiedSource('inbox'), 1, all)).toBe(false);
    expect(sourceAvailable(unifiedSource('drafts'), 2, bob)).toBe(false);
    expect(sourceAvailable(mailboxSource(bob[0]!.id), 1, all)).toBe(true);
    expect(sourceAvailable(mailboxSource(99_999), 2, all)).toBe(false);
  });

  it('the role of a source decides the list’s look (recipients in Sent and Drafts)', () => {
    expect(sourceRole(unifiedSource('sent'), all)).toBe('sent');
    expect(sourceRole(mailboxSource(alice[0]!.id), all)).toBe('inbox');
    expect(sourceRole(mailboxSource(alice[3]!.id), all)).toBe('archive');
    expect(sourceRole(null, all)).toBeNull();
  });
});

describe('sidebar tree with several accounts', () => {
  const accounts = [account('alice', 'Alice'), account('bob', 'Bob')];

  it('puts "All accounts" first with All Inboxes, Drafts, Sent and summed unread counts', () => {
    const items = sidebarItems(accounts, all, new Set(), 'en');
    const head = items.slice(0, 4).map(({ item, setSize, posInSet, parentKey }) => ({
      kind: item.kind,
      role: item.kind === 'unified' ? item.role : null,
      unread: item.kind === 'unified' ? item.unread : null,
      level: item.level,
      at: `${posInSet}/${setSize}`,
      parentKey,
    }));
    expect(head).toEqual([
      { kind: 'unifiedGroup', role: null, unread: null, level: 1, at: '1/3', parentKey: null },
      { kind: 'unified', role: 'inbox', unread: 5, level: 2, at: '1/3', parentKey: UNIFIED_GROUP_KEY },
      { kind: 'unified', role: 'drafts', unread: 1, level: 2, at: '2/3', parentKey: UNIFIED_GROUP_KEY },
      { kind: 'unified', role: 'sent', unread: 4, level: 2, at: '3/3', parentKey: UNIFIED_GROUP_KEY },
    ]);
    // the accounts follow, counted in the same top-level set
    const accountRows = items.filter(({ item }) => item.kind === 'account');
    expect(accountRows.map(({ posInSet, setSize }) => `${posInSet}/${setSize}`)).toEqual(['2/3', '3/3']);
  });

  it('collapses like an account group', () => {
    const items = sidebarItems(accounts, all, new Set([UNIFIED_GROUP_KEY]), 'en');
    expect(items[0]?.item.kind).toBe('unifiedGroup');
    expect(items.some(({ item }) => item.key === unifiedKey('inbox'))).toBe(false);
    expect(items[1]?.item.kind).toBe('account');
  });

  it('leaves out a role no account has', () => {
    const items = sidebarItems(accounts, [alice[0]!, ...bob], new Set(), 'en');
    expect(items.filter(({ item }) => item.kind === 'unified').map(({ item }) => item.key)).toEqual([
      unifiedKey('inbox'),
      unifiedKey('sent'),
    ]);
  });

  it('is not there with one account', () => {
    const items = sidebarItems([accounts[0]!], alice, new Set(), 'en');
    expect(items.some(({ item }) => item.kind === 'unifiedGroup' || item.kind === 'unified')).toBe(false);
    expect(items[0]).toMatchObject({ posInSet: 1, setSize: 1 });
  });
});

describe('account labels', () => {
  it('names each account and gives each its own colour, in account order', () => {
    const labels = accountLabels([account('a', 'Work'), account('b', 'Home')]);
    expect(labels.get('a')).toEqual({ name: 'Work', colour: 0 });
    expect(labels.get('b')).toEqual({ name: 'Home', colour: 1 });
  });

  it('reuses colours past the palette, always within it', () => {
    const many = Array.from({ length: ACCOUNT_COLOURS + 2 }, (_, i) => account(`id${i}`));
    const colours = [...accountLabels(many).values()].map((label) => label.colour);
    expect(colours.every((colour) => colour >= 0 && colour < ACCOUNT_COLOURS)).toBe(true);
    expect(colours[ACCOUNT_COLOURS]).toBe(0);
  });
});
