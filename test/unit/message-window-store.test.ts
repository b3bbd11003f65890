import { describe, expect, it } from 'vitest';
import { MessageWindowStore, type WindowResult } from '../../renderer/message-list/message-window-store';
import { messageHeader } from '../support/message-header';

/** A mailbox of `ids` (newest first) that records every window read. */
function fakeMailbox(initial: number[]) {
  const state = { ids: initial, reads: [] as [number, number][] };
  const fetch = async (offset: number, limit: number): Promise<WindowResult> => {
    state.reads.push([offset, limit]);
    return {
      total: state.ids.length,
      messages: state.ids.slice(offset, offset + limit).map((id) => messageHeader(id)),
    };
  };
  return { state, fetch };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('message window store', () => {
  it('reads only the pages that cover the visible rows, once', async () => {
    const mailbox = fakeMailbox(range(1, 100_000));
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100 });
    await store.setVisibleRange(0, 30);
    expect(store.total).toBe(100_000);
    expect(mailbox.state.reads).toEqual([[0, 100]]);
    await store.setVisibleRange(50_010, 50_040);
    await store.setVisibleRange(50_020, 50_050);
    expect(mailbox.state.reads).toEqual([
      [0, 100],
      [50_000, 100],
    ]);
    expect(store.getRow(50_015)?.id).toBe(50_016);
    expect(store.getRow(20_000)).toBeUndefined();
  });

  it('shares a read in flight instead of asking twice', async () => {
    const mailbox = fakeMailbox(range(1, 500));
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100 });
    await Promise.all([store.setVisibleRange(0, 10), store.setVisibleRange(5, 20), store.loadRange(0, 99)]);
    expect(mailbox.state.reads).toEqual([[0, 100]]);
  });

  it('on a change re-reads only the visible pages and keeps stale rows on screen meanwhile', async () => {
    const mailbox = fakeMailbox(range(1, 1000));
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100 });
    await store.setVisibleRange(0, 20);
    await store.setVisibleRange(500, 520);
    mailbox.state.reads = [];
    mailbox.state.ids = [0, ...mailbox.state.ids]; // one new message on top

    const refresh = store.invalidate();
    expect(store.getRow(500)?.id).toBe(501); // the old row is still shown
    await refresh;
    expect(mailbox.state.reads).toEqual([[500, 100]]);
    expect(store.getRow(500)?.id).toBe(500);
    expect(store.total).toBe(1001);

    mailbox.state.reads = [];
    await store.setVisibleRange(0, 20); // a stale page is re-read when scrolled back to
    expect(mailbox.state.reads).toEqual([[0, 100]]);
    expect(store.getRow(0)?.id).toBe(0);
  });

  it('keeps the row objects a re-read found unchanged, and takes the changed ones', async () => {
    const ids = { last: 300, seen: new Set<number>() };
    const fetch = async (offset: number, limit: number): Promise<WindowResult> => ({
      total: ids.last,
      messages: range(1, ids.last)
        .slice(offset, offset + limit)
        .map((id) => {
          const row = messageHeader(id);
          return ids.seen.has(id) ? { ...row, flags: { ...row.flags, seen: true } } : row;
        }),
    });
    const store = new MessageWindowStore(fetch, { pageSize: 100 });
    await store.setVisibleRange(0, 20);
    const [first, second] = [store.getRow(0), store.getRow(1)];
    // a first sync's batch: more messages below the visible ones, one of which was read meanwhile
    ids.last = 600;
    ids.seen.add(2);
    await store.invalidate();
    expect(store.total).toBe(600);
    // the same object, so its memoized row does not render again
    expect(store.getRow(0)).toBe(first);
    expect(store.getRow(1)).not.toBe(second);
    expect(store.getRow(1)?.flags.seen).toBe(true);
  });

  it('finds a message by id, preferring fresh pages over stale copies', async () => {
    const mailbox = fakeMailbox(range(1, 300));
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100 });
    await store.loadRange(0, 299);
    expect(store.indexOf(150)).toBe(149);
    expect(store.indexOf(9999)).toBe(-1);
    expect(store.idsInRange(10, 12)).toEqual([11, 12, 13]);
  });

  it('applies optimistic changes to loaded rows and notifies', async () => {
    const mailbox = fakeMailbox(range(1, 10));
    const store = new MessageWindowStore(mailbox.fetch);
    await store.setVisibleRange(0, 9);
    let notified = 0;
    store.subscribe(() => notified++);
    store.patch([3], (row) => ({ ...row, flags: { ...row.flags, seen: true } }));
    expect(store.getById(3)?.flags.seen).toBe(true);
    expect(store.getById(4)?.flags.seen).toBe(false);
    expect(notified).toBe(1);
  });

  it('drops the least recently used pages beyond its limit, never the visible ones', async () => {
    const mailbox = fakeMailbox(range(1, 10_000));
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100, maxPages: 4 });
    for (const start of [0, 1000, 2000, 3000, 4000, 5000]) await store.setVisibleRange(start, start + 10);
    expect(store.getRow(5005)?.id).toBe(5006);
    expect(store.getRow(0)).toBeUndefined();
    expect(store.getRow(4000)?.id).toBe(4001);
  });

  it('reports a failed read and tries again on the next request', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const store = new MessageWindowStore(
      async (offset, limit) => {
        if (fail) throw new Error('offline');
        return {
          total: 5,
          messages: range(1, 5)
            .slice(offset, offset + limit)
            .map((id) => messageHeader(id)),
        };
      },
      { onError: (error) => errors.push(error) },
    );
    await store.setVisibleRange(0, 4);
    expect(errors).toHaveLength(1);
    expect(store.total).toBeNull();
    fail = false;
    await store.setVisibleRange(0, 4);
    expect(store.total).toBe(5);
  });

  it('shows a first page read before the list was drawn at once, and reads it again once on screen', async () => {
    const mailbox = fakeMailbox(range(1, 1_000));
    const firstPage = { total: 999, messages: range(2, 101).map((id) => messageHeader(id)) };
    const store = new MessageWindowStore(mailbox.fetch, { pageSize: 100, firstPage });
    expect(store.total).toBe(999);
    expect(store.getRow(0)?.id).toBe(2);
    expect(mailbox.state.reads).toEqual([]);
    // stale: the first visible range reads it afresh, and the rows shown meanwhile stay
    const loading = store.setVisibleRange(0, 30);
    expect(store.getRow(0)?.id).toBe(2);
    await loading;
    expect(mailbox.state.reads).toEqual([[0, 100]]);
    expect(store.total).toBe(1_000);
    expect(store.getRow(0)?.id).toBe(1);
  });
});
