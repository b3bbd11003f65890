// The sidebar tree with several accounts: when the "All accounts" group appears and what it sums.
import { describe, expect, it } from 'vitest';
import { account, alice, all, bob } from '../support/two-accounts';
import { UNIFIED_GROUP_KEY, sidebarItems, unifiedKey } from '../../renderer/sidebar/sidebar-tree-items';

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
