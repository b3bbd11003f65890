// The list window reads deep offsets from the nearer end of the mailbox or from a remembered
// anchor. Whatever the path, every window must be exactly what the plain OFFSET query over the
// date index returns, also after inserts, deletes, moves, flag changes, a cache reset, writes
// inside a transaction and writes by another connection.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHOR_STRIDE } from '../../electron/core/store/list-anchors';
import {
  listOrder,
  SENDER_SORT,
  SUBJECT_SORT,
  throughDateIndex,
  viaDateIndex,
} from '../../electron/core/store/list-order-sql';
import { SORT_KEYS, type ListFilter, type ListSort, type SortKey } from '../../shared/list-order';
import {
  fromAnchor,
  WINDOW_FROM_ANCHOR,
  WINDOW_FROM_BOTTOM,
  WINDOW_FROM_TOP,
  type HeaderRecord,
} from '../../electron/core/store/messages-repo';
import type { Store } from '../../electron/core/store/store';
import { headerRecord, listedMailbox } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();
const files: string[] = [];

function openStore() {
  const { store, dir } = openTempStore(cleanup, 'mail-window-');
  files.push(path.join(dir, 'mail.db'));
  const { box } = addTestAccount(store, [listedMailbox('INBOX', 'inbox'), listedMailbox('Archive', 'archive')]);
  return { store, inbox: box('INBOX').id, archive: box('Archive').id };
}

/** Dates out of UID order with many ties, so the id tie-break decides the order of whole runs. */
function header(uid: number): HeaderRecord {
  return headerRecord(uid, { date: 1_000 + ((uid * 37) % 97) * 10 });
}

const ids = (headers: { id: number }[]) => headers.map((h) => h.id);

/** The plain query the window must agree with: the date index walked from the top. */
function expectedIds(store: Store, mailboxId: number, offset: number, limit: number): number[] {
  return (
    store.db
      .prepare('SELECT id FROM messages WHERE mailbox_id = ? ORDER BY date DESC, id DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(mailboxId, limit, offset) as number[]
  ).map(Number);
}

/** Every offset around both ends, the middle and past the end, for a few window sizes. */
function expectEveryWindowExact(store: Store, mailboxId: number): number {
  const total = store.messages.count(mailboxId);
  const offsets = new Set<number>();
  for (let o = 0; o <= total + 3; o += 11) offsets.add(o);
  for (const around of [0, Math.floor(total / 2), total - 50, total - 1, total])
    for (let d = -3; d <= 3; d++) if (around + d >= 0) offsets.add(around + d);
  let checked = 0;
  for (const limit of [1, 50, 120])
    for (const offset of offsets) {
      const got = store.messages.window(mailboxId, offset, limit).map((m) => m.id);
      expect(got, `offset ${offset}, limit ${limit} of ${total}`).toEqual(expectedIds(store, mailboxId, offset, limit));
      checked++;
    }
  return checked;
}

describe('the message list window', () => {
  it(
    'equals the plain OFFSET query at every offset: from the top, the bottom or an anchor',
    { timeout: 60_000 },
    () => {
      const { store, inbox } = openStore();
      const rows = 5 * ANCHOR_STRIDE + 123;
      store.transaction(() =>
        store.messages.insertHeaders(
          inbox,
          Array.from({ length: rows }, (_, i) => header(i + 1)),
        ),
      );
      expect(store.messages.count(inbox)).toBe(rows);
      expect(expectEveryWindowExact(store, inbox)).toBeGreaterThan(600);
      // the last window is the oldest messages, newest first, and the headers carry their fields
      const last = store.messages.window(inbox, rows - 10, 50);
      expect(last).toHaveLength(10);
      expect(last.map((m) => m.date)).toEqual([...last.map((m) => m.date)].sort((a, b) => b - a));
      expect(last[0]).toMatchObject({ mailboxId: inbox, subject: expect.stringMatching(/^Message \d+$/) });
      store.close();
    },
  );

  it('stays exact after inserts, deletes, moves, flag changes and a cache reset', { timeout: 60_000 }, () => {
    const { store, inbox, archive } = openStore();
    const rows = 4 * ANCHOR_STRIDE;
    const fill = (from: number, length: number) =>
      store.messages.insertHeaders(
        inbox,
        Array.from({ length }, (_, i) => header(from + i)),
      );
    store.transaction(() => fill(1, rows));
    expectEveryWindowExact(store, inbox);

    // new mail at the top and old mail at the bottom
    store.messages.insertHeaders(inbox, [headerRecord(8_001, { date: 99_999 }), headerRecord(8_002, { date: 1 })]);
    expect(store.messages.count(inbox)).toBe(rows + 2);
    expectEveryWindowExact(store, inbox);
    // deletes near both ends and in the middle
    store.messages.removeUids(inbox, [8_001, 8_002, 5, 200, 399, 1_500, 1_999]);
    expect(store.messages.count(inbox)).toBe(rows - 5);
    expectEveryWindowExact(store, inbox);
    // flag changes move nothing
    const some = store.messages.window(inbox, 1_300, 40).map((m) => m.id);
    store.messages.setLocalFlags(some, { seen: true, flagged: true });
    const flags = { seen: true, flagged: false, answered: true, draft: false };
    store.messages.applyServerFlags(inbox, [{ uid: 7, flags }]);
    expectEveryWindowExact(store, inbox);
    // moves out of one mailbox into another, and local deletes
    store.messages.moveLocal(ids(store.messages.window(inbox, 1_350, 30)), archive);
    store.messages.delete(ids(store.messages.window(inbox, 10, 3)));
    store.messages.assignUid(store.messages.window(archive, 0, 1)[0]!.id, archive, 5_000);
    expectEveryWindowExact(store, inbox);
    expectEveryWindowExact(store, archive);

    // one out at the top, one in at the bottom: the count stays, every position moves
    expect(store.messages.window(inbox, 2 * ANCHOR_STRIDE + 7, 50)).toHaveLength(50);
    store.messages.delete(ids(store.messages.window(inbox, 0, 1)));
    store.messages.insertHeaders(inbox, [headerRecord(9_000, { date: 2 })]);
    expectEveryWindowExact(store, inbox);

    // inside a transaction: a rollback must not leave anchors of rows that never were
    expect(() =>
      store.transaction(() => {
        store.messages.insertHeaders(inbox, [headerRecord(9_001, { date: 99_999 })]);
        expectEveryWindowExact(store, inbox);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expectEveryWindowExact(store, inbox);

    // another connection's commit moves rows while the count stays
    const other = new Database(files[files.length - 1]!);
    other
      .prepare(
        'UPDATE messages SET date = date + 5 WHERE id IN (SELECT id FROM messages WHERE mailbox_id = ? LIMIT 900)',
      )
      .run(inbox);
    other.close();
    expectEveryWindowExact(store, inbox);

    // UIDVALIDITY changed: the mailbox is empty, then refilled
    store.mailboxes.resetCache(inbox);
    expect(store.messages.window(inbox, 0, 50)).toEqual([]);
    expect(store.messages.window(inbox, 10, 50)).toEqual([]);
    fill(500, 3 * ANCHOR_STRIDE);
    expectEveryWindowExact(store, inbox);
    store.close();
  });

  it('reads both directions through the date index alone, without a sort of the mailbox', () => {
    const { store, inbox } = openStore();
    for (const [sql, params] of [
      [WINDOW_FROM_TOP, [inbox, 50, 0]],
      [WINDOW_FROM_BOTTOM, [inbox, 50, 0]],
      [WINDOW_FROM_ANCHOR, [inbox, 1_000, 1_000, 7, 50, 0]],
    ] as const) {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
      expect(plan).toMatch(/COVERING INDEX messages_by_date \(mailbox_id=\?( AND date<\?)?\)/);
      expect(plan).not.toMatch(/SCAN (messages|m)\b/);
      // at most the 50 rows picked are sorted again: the walk itself is in index order
      expect((plan.match(/TEMP B-TREE/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    store.close();
  });
});

/** Senders, subjects, sizes and flags that repeat and tie, so every order has runs the id decides. */
function variedHeader(uid: number): HeaderRecord {
  const names = ['Ann', '', 'bob', 'Åsa', 'carl'];
  const name = names[uid % names.length]!;
  return headerRecord(uid, {
    date: 1_000 + ((uid * 37) % 97) * 10,
    from: [{ name, address: `${String.fromCharCode(97 + (uid % 7))}@example.test` }],
    subject: [`Re: topic ${uid % 13}`, `topic ${uid % 11}`, `FWD: Topic ${uid % 5}`, ''][uid % 4]!,
    size: 500 + ((uid * 53) % 41) * 100,
    flags: { seen: uid % 3 !== 0, flagged: uid % 17 === 0, answered: false, draft: false },
    hasAttachments: uid % 5 === 0,
  });
}

const SORT_COLUMNS = { date: 'date', sender: SENDER_SORT, subject: SUBJECT_SORT, size: 'size' } as const;
const FILTER_CASES: ListFilter[] = [
  {},
  { unread: true },
  { starred: true },
  { attachments: true },
  { unread: true, attachments: true },
];

/** The plain query (no INDEXED BY, no anchors) the sorted and filtered window must agree with. */
function expectedOrderIds(
  store: Store,
  mailboxId: number,
  sort: ListSort,
  filter: ListFilter,
  offset: number,
  limit: number,
) {
  const dir = sort.direction.toUpperCase();
  const where = [
    filter.unread && 'seen = 0',
    filter.starred && 'flagged = 1',
    filter.attachments && 'has_attachments = 1',
  ]
    .filter(Boolean)
    .map((w) => ` AND ${w}`)
    .join('');
  const col = SORT_COLUMNS[sort.by];
  return (
    store.db
      .prepare(
        `SELECT id FROM messages WHERE mailbox_id = ?${where} ORDER BY ${col} ${dir}, id ${dir} LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(mailboxId, limit, offset) as number[]
  ).map(Number);
}

function expectOrderExact(store: Store, mailboxId: number, sort: ListSort, filter: ListFilter): void {
  const { total } = store.messages.listWindow(mailboxId, 0, 1, sort, filter);
  const all = expectedOrderIds(store, mailboxId, sort, filter, 0, 1_000_000);
  expect(total).toBe(all.length);
  const offsets = new Set<number>([
    0,
    1,
    49,
    ANCHOR_STRIDE - 1,
    ANCHOR_STRIDE,
    Math.floor(total / 2),
    total - 50,
    total - 1,
    total,
  ]);
  for (let o = 0; o <= total; o += 97) offsets.add(o);
  for (const offset of offsets) {
    if (offset < 0) continue;
    const got = ids(store.messages.listWindow(mailboxId, offset, 50, sort, filter).messages);
    expect(got, `${sort.by} ${sort.direction} ${JSON.stringify(filter)} at ${offset} of ${total}`).toEqual(
      all.slice(offset, offset + 50),
    );
  }
}

describe('the window in every order and through every quick filter', () => {
  it('equals the plain ORDER BY query, also after flag changes and deletes', { timeout: 120_000 }, () => {
    const { store, inbox } = openStore();
    const rows = 4 * ANCHOR_STRIDE + 77;
    store.transaction(() =>
      store.messages.insertHeaders(
        inbox,
        Array.from({ length: rows }, (_, i) => variedHeader(i + 1)),
      ),
    );
    const everyOrder = () => {
      for (const by of SORT_KEYS)
        for (const direction of ['desc', 'asc'] as const)
          for (const filter of FILTER_CASES) expectOrderExact(store, inbox, { by, direction }, filter);
    };
    everyOrder();
    // reading and starring add rows to some filtered lists and take them from others
    const some = ids(store.messages.listWindow(inbox, 600, 300, { by: 'sender', direction: 'asc' }).messages);
    store.messages.setLocalFlags(some, { seen: true, flagged: true });
    store.messages.applyServerFlags(inbox, [
      { uid: 3, flags: { seen: true, flagged: false, answered: false, draft: false } },
    ]);
    store.messages.delete(some.slice(0, 20));
    everyOrder();
    store.close();
  });

  it('keeps the message being read in a filtered list it no longer matches, in its place', { timeout: 60_000 }, () => {
    const { store, inbox } = openStore();
    const rows = 3 * ANCHOR_STRIDE;
    store.transaction(() =>
      store.messages.insertHeaders(
        inbox,
        Array.from({ length: rows }, (_, i) => variedHeader(i + 1)),
      ),
    );
    const unread = { unread: true };
    const before = store.messages.listWindow(inbox, 0, rows, undefined, unread);
    // deep in the list: read it, keep it
    const open = before.messages[2 * ANCHOR_STRIDE - 700]!;
    store.messages.setLocalFlags([open.id], { seen: true });
    const gone = store.messages.listWindow(inbox, 0, rows, undefined, unread);
    expect(gone.total).toBe(before.total - 1);
    expect(ids(gone.messages)).not.toContain(open.id);
    const kept = { ...unread, keep: [open.id] };
    const whole = store.messages.listWindow(inbox, 0, rows, undefined, kept);
    expect(whole.total).toBe(before.total);
    expect(ids(whole.messages)).toEqual(ids(before.messages));
    // every window agrees with the whole, anchors and the other end included
    for (const offset of [0, 37, ANCHOR_STRIDE + 3, whole.total - 60, whole.total - 1])
      for (const direction of ['desc', 'asc'] as const) {
        const all = direction === 'desc' ? ids(whole.messages) : ids(whole.messages).reverse();
        const page = store.messages.listWindow(inbox, offset, 50, { by: 'date', direction }, kept);
        expect(ids(page.messages), `${direction} at ${offset}`).toEqual(all.slice(offset, offset + 50));
      }
    // without a filter, keep changes nothing
    expect(store.messages.listWindow(inbox, 0, 10, undefined, { keep: [open.id] }).total).toBe(rows);
    store.close();
  });

  it('sorts senders by name or else address and subjects without Re:/Fwd:, ignoring case', () => {
    const { store, inbox } = openStore();
    store.messages.insertHeaders(inbox, [
      headerRecord(1, { from: [{ name: 'zed', address: 'a@x.test' }], subject: 'Re: beta' }),
      headerRecord(2, { from: [{ name: '', address: 'Mia@x.test' }], subject: 'alpha' }),
      headerRecord(3, { from: [{ name: 'Bo', address: 'z@x.test' }], subject: 'Fwd: Gamma' }),
    ]);
    const subjects = (sort: ListSort) => store.messages.listWindow(inbox, 0, 10, sort).messages.map((m) => m.uid);
    expect(subjects({ by: 'sender', direction: 'asc' })).toEqual([3, 2, 1]);
    expect(subjects({ by: 'subject', direction: 'asc' })).toEqual([2, 1, 3]);
    expect(subjects({ by: 'subject', direction: 'desc' })).toEqual([3, 1, 2]);
    store.close();
  });

  it('walks each order through its own index, filters included, without sorting the mailbox', () => {
    const { store, inbox } = openStore();
    const planOf = (sql: string, ...params: unknown[]) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    for (const by of SORT_KEYS)
      for (const filter of [{ attachments: true }, { unread: true, starred: true }]) {
        const order = listOrder({ by, direction: 'desc' }, filter);
        const sql = `SELECT id FROM messages INDEXED BY ${order.index} WHERE mailbox_id = ?${order.where}
        ORDER BY ${order.column} DESC, id DESC LIMIT 50 OFFSET 0`;
        // only the date index holds seen and flagged: the others read a row's flags from the table
        const covering = by === 'date' || !order.byFlags ? 'COVERING ' : '';
        const plan = planOf(sql, inbox);
        expect(plan).toMatch(new RegExp(`USING ${covering}INDEX ${order.index} \\(mailbox_id=\\?\\)`));
        expect(plan).not.toMatch(/TEMP B-TREE/);
        // from an anchor the walk is bounded by its key, not read from the top of the folder
        expect(planOf(fromAnchor(order), inbox, 'm', 'm', 7, 50, 0)).toMatch(
          new RegExp(`USING ${covering}INDEX ${order.index} \\(mailbox_id=\\? AND (<expr>|date|size)<\\?\\)`),
        );
      }
    store.close();
  });

  it('keeps seen and flagged in the date index alone, so a flag change rewrites one list index entry', () => {
    const { store } = openStore();
    const columns = (index: string) =>
      (store.db.prepare(`PRAGMA index_xinfo(${index})`).all() as { name: string | null }[]).map((c) => c.name);
    expect(columns('messages_by_date')).toEqual(expect.arrayContaining(['seen', 'flagged', 'has_attachments']));
    for (const by of ['sender', 'subject', 'size'] as const) {
      const { index } = listOrder({ by, direction: 'desc' });
      expect(columns(index)).toContain('has_attachments');
      expect(columns(index)).not.toContain('seen');
      expect(columns(index)).not.toContain('flagged');
    }
    store.close();
  });

  it('takes the unread and starred lists’ totals from the folder’s kept counts in every order, not a walk', () => {
    const { store, inbox } = openStore();
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 300 }, (_, i) => variedHeader(i + 1)),
    );
    const total = (by: SortKey, filter: ListFilter) =>
      store.messages.listWindow(inbox, 0, 1, { by, direction: 'desc' }, filter).total;
    const unread = { unread: true };
    const starred = { starred: true };
    for (const by of SORT_KEYS) {
      expect(total(by, unread)).toBe(100);
      expect(total(by, starred)).toBe(17);
    }
    store.messages.setLocalFlags(ids(store.messages.listWindow(inbox, 0, 7, undefined, unread).messages), {
      seen: true,
    });
    store.messages.setLocalFlags(ids(store.messages.listWindow(inbox, 0, 3, undefined, starred).messages), {
      flagged: false,
    });
    for (const by of SORT_KEYS) {
      expect(total(by, unread)).toBe(93);
      expect(total(by, starred)).toBe(14);
    }
    // the counts the triggers keep are what the list reads: a walk would still find 93 and 14
    store.db.prepare('UPDATE mailboxes SET unread_count = 5, flagged_count = 4 WHERE id = ?').run(inbox);
    for (const by of SORT_KEYS) {
      expect(total(by, unread)).toBe(5);
      expect(total(by, starred)).toBe(4);
      // so does the unified list, which adds up its folders' totals
      expect(store.messages.listCount([inbox], starred, { by, direction: 'asc' })).toBe(4);
    }
    // with another filter or a kept message the rows are counted
    expect(total('date', { unread: true, keep: [1] })).toBeGreaterThan(90);
    expect(total('size', { starred: true, keep: [1] })).toBe(15);
    expect(total('date', { starred: true, unread: true })).toBe(
      store.db
        .prepare('SELECT COUNT(*) FROM messages WHERE mailbox_id = ? AND seen = 0 AND flagged = 1')
        .pluck()
        .get(inbox),
    );
    store.close();
  });

  it('reads a list narrowed to few starred or unread rows through the date index, sorted', () => {
    const { store, inbox } = openStore();
    const rows = 2_000;
    store.transaction(() =>
      store.messages.insertHeaders(
        inbox,
        Array.from({ length: rows }, (_, i) => variedHeader(i + 1)),
      ),
    );
    const planOf = (sql: string, ...params: unknown[]) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    const starred = listOrder({ by: 'sender', direction: 'asc' }, { starred: true });
    // 118 starred of 2,000: picking them through the date index and sorting them reads fewer rows
    expect(throughDateIndex(starred, 118, rows)).toBe(true);
    // 667 unread of 2,000: the sender index, walked in order, finds 50 within about 150 rows
    const unread = listOrder({ by: 'sender', direction: 'asc' }, { unread: true });
    expect(throughDateIndex(unread, 667, rows)).toBe(false);
    // neither a date order nor one narrowed by attachments alone reads flags from the table
    expect(throughDateIndex(listOrder(undefined, { starred: true }), 1, rows)).toBe(false);
    expect(throughDateIndex(listOrder({ by: 'size', direction: 'desc' }, { attachments: true }), 1, rows)).toBe(false);
    const narrow = viaDateIndex(starred);
    // the date index picks the starred rows by its own flag columns; only they are read and sorted
    const plan = planOf(fromAnchor(narrow), inbox, 'm', 'm', 7, 50, 0);
    expect(plan).toMatch(/SEARCH messages USING INDEX messages_by_date \(mailbox_id=\?\)/);
    expect(plan).toMatch(/TEMP B-TREE FOR ORDER BY/);
    const { total, messages } = store.messages.listWindow(
      inbox,
      0,
      50,
      { by: 'sender', direction: 'asc' },
      {
        starred: true,
      },
    );
    expect(total).toBe(
      expectedOrderIds(store, inbox, { by: 'sender', direction: 'asc' }, { starred: true }, 0, rows).length,
    );
    expect(ids(messages)).toEqual(
      expectedOrderIds(store, inbox, { by: 'sender', direction: 'asc' }, { starred: true }, 0, 50),
    );
    store.close();
  });
});
