import { describe, expect, it } from 'vitest';
import { type PaletteItem, prepareItems, rankItems } from '../../renderer/palette/palette-items';
import { RECENT_STORAGE_KEY, readRecent, rememberRecent } from '../../renderer/palette/recent-commands';

const items: PaletteItem[] = [
  { id: 'action:archive', kind: 'command', label: 'Archive' },
  { id: 'action:reply', kind: 'command', label: 'Reply' },
  { id: 'action:replyAll', kind: 'command', label: 'Reply all' },
  { id: 'action:markRead', kind: 'command', label: 'Mark as read' },
  { id: 'action:move', kind: 'mode', label: 'Move to…', opens: 'move' },
  { id: 'action:goToFolder', kind: 'mode', label: 'Go to folder…', opens: 'folder' },
  { id: 'folder:1', kind: 'folder', label: 'Inbox', detail: 'Work' },
  { id: 'folder:2', kind: 'folder', label: 'Projects', detail: 'Work' },
  { id: 'folder:3', kind: 'folder', label: 'Inbox', detail: 'Home' },
  { id: 'move:2', kind: 'move', label: 'Projects' },
  { id: 'move:4', kind: 'move', label: 'Archive' },
  { id: 'account:a', kind: 'account', label: 'Work', detail: 'me@work.example' },
];
const prepared = prepareItems(items);
const labels = (ranked: { item: PaletteItem }[]) => ranked.map(({ item }) => item.id);

describe('palette ranking', () => {
  it('with nothing typed: commands only, recent ones first', () => {
    expect(labels(rankItems(prepared, 'all', '', []))).toEqual([
      'action:archive',
      'action:reply',
      'action:replyAll',
      'action:markRead',
      'action:move',
      'action:goToFolder',
    ]);
    const ranked = rankItems(prepared, 'all', '', ['action:markRead', 'action:reply']);
    expect(labels(ranked).slice(0, 3)).toEqual(['action:markRead', 'action:reply', 'action:archive']);
    expect(ranked[0]!.recent).toBe(true);
    expect(ranked[2]!.recent).toBe(false);
    // a folder gone to recently comes back first, though folders otherwise wait for typing
    expect(labels(rankItems(prepared, 'all', '', ['folder:2'])).slice(0, 2)).toEqual(['folder:2', 'action:archive']);
  });

  it('typing searches commands, folders of every account and accounts', () => {
    const ranked = rankItems(prepared, 'all', 'inb', []);
    expect(labels(ranked)).toEqual(['folder:1', 'folder:3']);
    expect(ranked[0]!.indices).toEqual([0, 1, 2]);
    expect(labels(rankItems(prepared, 'all', 'work', []))).toEqual([
      'account:a',
      // the account name also finds its folders, after the label matches
      'folder:1',
      'folder:2',
    ]);
  });

  it('a recent choice wins a close race', () => {
    expect(labels(rankItems(prepared, 'all', 're', []))[0]).toBe('action:reply');
    expect(labels(rankItems(prepared, 'all', 're', ['action:replyAll']))[0]).toBe('action:replyAll');
  });

  it('sub-lists show only their own kind', () => {
    expect(labels(rankItems(prepared, 'move', '', []))).toEqual(['move:2', 'move:4']);
    expect(labels(rankItems(prepared, 'move', 'arc', []))).toEqual(['move:4']);
    expect(labels(rankItems(prepared, 'folder', '', []))).toEqual(['folder:1', 'folder:2', 'folder:3']);
    expect(labels(rankItems(prepared, 'account', '', []))).toEqual(['account:a']);
  });

  it('nothing matching is an empty list', () => {
    expect(rankItems(prepared, 'all', 'zzz', [])).toEqual([]);
  });

  it('remembers recent choices, newest first, without duplicates, surviving junk in storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    rememberRecent(storage, 'a');
    rememberRecent(storage, 'b');
    expect(rememberRecent(storage, 'a')).toEqual(['a', 'b']);
    expect(readRecent(storage)).toEqual(['a', 'b']);
    for (let i = 0; i < 20; i++) rememberRecent(storage, `x${i}`);
    expect(readRecent(storage)).toHaveLength(8);
    store.set(RECENT_STORAGE_KEY, '{oops');
    expect(readRecent(storage)).toEqual([]);
    store.set(RECENT_STORAGE_KEY, JSON.stringify(['ok', 3, null]));
    expect(readRecent(storage)).toEqual(['ok']);
    expect(readRecent(null)).toEqual([]);
  });
});
