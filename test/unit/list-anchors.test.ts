// The list window reads deep offsets from the nearer end of the mailbox or from a remembered
// anchor. Whatever the path, every window must be exactly what the plain OFFSET query over the
// date index returns, also after inserts, deletes, moves, flag changes, a cache reset, writes
// inside a transaction and writes by another connection.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHOR_STRIDE } from '../../electron/core/store/list-anchors';
import {
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
      [WINDOW_FROM_ANCHOR, [inbox, 1_000, 7, 50, 0]],
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
