// The remembered sort survives a restart and a damaged saved value; the quick filters join a
// search as the operators the query language already has.
import { describe, expect, it } from 'vitest';
import {
  filteredQuery,
  readSavedSort,
  saveSort,
  SORT_STORAGE_KEY,
  toggleFilter,
} from '../../renderer/message-list/list-order-prefs';
import { parseSearchQuery } from '../../shared/search-query';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('list order preferences', () => {
  it('remembers the sort and reads it back', () => {
    const storage = memoryStorage();
    expect(readSavedSort(storage)).toEqual({ by: 'date', direction: 'desc' });
    saveSort(storage, { by: 'sender', direction: 'desc' });
    expect(readSavedSort(storage)).toEqual({ by: 'sender', direction: 'desc' });
  });

  it('falls back to newest first when the saved value is damaged or unknown', () => {
    for (const saved of ['{', '"date"', '{"by":"colour","direction":"asc"}', '{"by":"size","direction":"up"}'])
      expect(readSavedSort(memoryStorage({ [SORT_STORAGE_KEY]: saved }))).toEqual({ by: 'date', direction: 'desc' });
  });

  it('toggles one filter and keeps the same object when nothing changes', () => {
    const none = {};
    const unread = toggleFilter(none, 'unread');
    expect(unread).toEqual({ unread: true });
    expect(toggleFilter(unread, 'starred')).toEqual({ unread: true, starred: true });
    expect(toggleFilter(unread, 'unread')).toEqual({});
    expect(toggleFilter(unread, 'unread', true)).toBe(unread);
  });

  it('narrows a search with the operators of the filters that are on', () => {
    expect(filteredQuery('invoice', {})).toBe('invoice');
    const query = filteredQuery('invoice', { unread: true, starred: true, attachments: true });
    expect(query).toBe('invoice is:unread is:starred has:attachment');
    const parsed = parseSearchQuery(query);
    expect(parsed).toMatchObject({ unread: true, starred: true, hasAttachment: true });
  });
});
