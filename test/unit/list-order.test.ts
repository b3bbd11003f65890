// The list's sort: the header's key picker and the palette's "Sort by …" start each key in its
// natural direction and turn it around when chosen again.
import { describe, expect, it } from 'vitest';
import { activeFilters, initialDirection, isDefaultSort, nextSort } from '../../shared/list-order';

describe('list order', () => {
  it('starts dates and sizes newest/largest first, names from A', () => {
    expect(initialDirection('date')).toBe('desc');
    expect(initialDirection('size')).toBe('desc');
    expect(initialDirection('sender')).toBe('asc');
    expect(initialDirection('subject')).toBe('asc');
  });

  it('turns the direction around when the key in use is chosen again', () => {
    expect(nextSort({ by: 'date', direction: 'desc' }, 'date')).toEqual({ by: 'date', direction: 'asc' });
    expect(nextSort({ by: 'sender', direction: 'asc' }, 'sender')).toEqual({ by: 'sender', direction: 'desc' });
    expect(nextSort({ by: 'sender', direction: 'desc' }, 'size')).toEqual({ by: 'size', direction: 'desc' });
  });

  it('names the default order and the filters that are on', () => {
    expect(isDefaultSort(undefined)).toBe(true);
    expect(isDefaultSort({ by: 'date', direction: 'desc' })).toBe(true);
    expect(isDefaultSort({ by: 'date', direction: 'asc' })).toBe(false);
    expect(activeFilters({ starred: true, unread: false, attachments: true })).toEqual(['starred', 'attachments']);
    expect(activeFilters(undefined)).toEqual([]);
  });
});
