// The SQLite cache on its own: migrations, refusing a newer database, and the list window.
import { statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NewerDatabaseError } from '../../electron/core/store/database';
import { HEADER_SQL, headerRow } from '../../electron/core/store/header-rows';
import { migrations, SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';
import type { HeaderRecord } from '../../electron/core/store/messages-repo';
import { headerRecord, listedMailbox, testAccountSettings } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore, tempDir as tempDirFor } from '../support/temp-store';
import { waitFor } from '../support/wait';

const cleanup = cleanupAfterEach();
const tempDir = () => tempDirFor(cleanup, 'mail-store-');

const settings = testAccountSettings;

/** Every third message read, so unread counts have something to count. */
function header(uid: number, date: number): HeaderRecord {
  return headerRecord(uid, { date, flags: { seen: uid % 3 === 0, flagged: false, answered: false, draft: false } });
}

describe('the store', () => {
  it('migrates a new database to the current schema in WAL mode', () => {
    const store = Store.open(tempDir());
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'mail.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = statSync(file);
    expect(() => Store.open(dir)).toThrow(NewerDatabaseError);
    expect(() => Store.open(dir)).toThrow(/newer version/);
    const after = statSync(file);
    expect(after.size).toBe(before.size);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('keeps secrets only as cipher output and stores sync state BigInts as text', () => {
    const store = Store.open(tempDir());
    const sealed = Buffer.from('sealed-bytes');
    const account = store.accounts.insert(settings, sealed);
    expect(store.accounts.secret(account.id)).toEqual(sealed);
    store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox', { unread: 2, total: 5 })]);
    const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
    const big = (2n ** 63n - 1n).toString();
    store.mailboxes.saveSyncState(inbox.id, {
      uidValidity: big,
      highestModseq: big,
      uidNext: 10,
      syncedHighUid: 9,
      syncedLowUid: 1,
    });
    expect(store.mailboxes.get(inbox.id)!.sync.highestModseq).toBe(big);
    expect(store.mailboxes.get(inbox.id)!.sync.uidValidity).toBe(big);
    store.close();
  });

  it('pages a 100,000-message mailbox newest first with stable windows', { timeout: 60_000 }, () => {
    const store = Store.open(tempDir());
    const account = store.accounts.insert(settings, Buffer.from('x'));
    store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox')]);
    const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
    const base = Date.UTC(2026, 0, 1);
    store.transaction(() => {
      const batch: HeaderRecord[] = [];
      for (let uid = 1; uid <= 100_000; uid++) {
        // dates not in UID order, with ties, as real mailboxes have
        batch.push(header(uid, base + ((uid * 7919) % 50_000) * 60_000));
        if (batch.length === 5000) store.messages.insertHeaders(inbox.id, batch.splice(0));
      }
    });
    expect(store.messages.count(inbox.id)).toBe(100_000);
    const seen = new Set<number>();
    let previous = Infinity;
    for (let offset = 0; offset < 100_000; offset += 5_000) {
      const window = store.messages.window(inbox.id, offset, 5_000);
      expect(window).toHaveLength(5_000);
      for (const m of window) {
        expect(m.date).toBeLessThanOrEqual(previous);
        previous = m.date;
        seen.add(m.id);
      }
    }
    expect(seen.size).toBe(100_000); // no row skipped or repeated across windows
    const plan = store.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM messages WHERE mailbox_id = ? ORDER BY date DESC, id DESC LIMIT 50 OFFSET 90000',
      )
      .all(inbox.id) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX messages_by_date/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    expect(store.mailboxes.get(inbox.id)!.unread).toBe(100_000 - Math.floor(100_000 / 3));
    store.close();
  });
});

describe('storing headers again', () => {
  it('updates the flags of a UID already stored and returns its id: never a duplicate', () => {
    const store = Store.open(tempDir());
    const account = store.accounts.insert(settings, Buffer.from('x'));
    store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox')]);
    const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
    const [first] = store.messages.insertHeaders(inbox.id, [header(7, 1000)]);
    const again = { ...header(7, 1000), flags: { seen: true, flagged: true, answered: false, draft: false } };
    const [second] = store.messages.insertHeaders(inbox.id, [again, header(8, 2000)]);
    expect(second).toBe(first);
    expect(store.messages.count(inbox.id)).toBe(2);
    expect(store.messages.get([first!])[0]?.flags).toMatchObject({ seen: true, flagged: true });
    store.close();
  });
});

describe('folder counts', () => {
  it('stay equal to the messages through inserts, reads, moves, deletes and a cache reset', () => {
    const store = Store.open(tempDir());
    const account = store.accounts.insert(settings, Buffer.from('x'));
    store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox'), listedMailbox('Archive', 'archive')]);
    const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
    const archive = store.mailboxes.byRole(account.id, 'archive')!;
    const counted = (id: number) =>
      store.db
        .prepare('SELECT COUNT(*) AS total, COALESCE(SUM(seen = 0), 0) AS unread FROM messages WHERE mailbox_id = ?')
        .get(id) as { total: number; unread: number };
    const kept = (id: number) => {
      const box = store.mailboxes.get(id)!;
      // a mailbox counts from the cache once synced
      store.mailboxes.saveSyncState(id, { ...box.sync, syncedLowUid: 1 });
      const again = store.mailboxes.get(id)!;
      return { total: again.total, unread: again.unread };
    };
    const ids = store.messages.insertHeaders(
      inbox.id,
      [1, 2, 3, 4].map((uid) => header(uid * 3 + 1, uid)),
    );
    store.messages.setLocalFlags([ids[0]!], { seen: true });
    store.messages.moveLocal([ids[1]!], archive.id);
    store.messages.delete([ids[2]!]);
    store.messages.insertHeaders(archive.id, [header(99, 5)]);
    // a batch that repeats a stored UID (a resumed sync) counts only what is new
    store.messages.insertHeaders(inbox.id, [header(4, 1), header(50, 6), header(51, 7)]);
    const withUid = (id: number) =>
      store.db.prepare('SELECT COUNT(uid) FROM messages WHERE mailbox_id = ?').pluck().get(id) as number;
    for (const box of [inbox, archive]) {
      expect(kept(box.id)).toEqual(counted(box.id));
      expect(store.messages.count(box.id)).toBe(counted(box.id).total);
      // the moved row has no UID in Archive yet: what a resync compares with the server leaves it out
      expect(store.messages.uidCount(box.id)).toBe(withUid(box.id));
    }
    expect(store.messages.uidCount(archive.id)).toBe(1);
    // 4 read then unread again by the repeat, 13 and 50 unread, 51 read
    expect(kept(inbox.id)).toEqual({ total: 4, unread: 3 });
    store.mailboxes.resetCache(archive.id);
    expect(store.messages.count(archive.id)).toBe(0);
    store.close();
  });
});

describe('the kept starred count', () => {
  /** Every third message starred and every other one read, so both counts move apart. */
  const mixed = (uid: number, flagged = uid % 3 === 0): HeaderRecord =>
    headerRecord(uid, { date: uid, flags: { seen: uid % 2 === 0, flagged, answered: false, draft: false } });
  const starredFlags = (flagged: boolean) => ({ seen: true, flagged, answered: false, draft: false });

  it('stays equal to the starred messages through inserts, flag changes, moves, expunges and deletes', () => {
    const store = Store.open(tempDir());
    const account = store.accounts.insert(settings, Buffer.from('x'));
    store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox'), listedMailbox('Archive', 'archive')]);
    const inbox = store.mailboxes.byRole(account.id, 'inbox')!.id;
    const archive = store.mailboxes.byRole(account.id, 'archive')!.id;
    const counted = (id: number) =>
      store.db
        .prepare(
          `SELECT COUNT(*) AS total, COALESCE(SUM(seen = 0), 0) AS unread, COALESCE(SUM(flagged = 1), 0) AS flagged
           FROM messages WHERE mailbox_id = ?`,
        )
        .get(id);
    const kept = (id: number) =>
      store.db
        .prepare(
          'SELECT message_count AS total, unread_count AS unread, flagged_count AS flagged FROM mailboxes WHERE id = ?',
        )
        .get(id);
    const idOf = (mailboxId: number, uid: number) => store.messages.idsByUid(mailboxId, [uid]).get(uid)!;
    const expectKept = (step: string) => {
      for (const box of [inbox, archive]) expect(kept(box), `${step}, mailbox ${box}`).toEqual(counted(box));
    };

    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 30 }, (_, i) => mixed(i + 1)),
    );
    expectKept('a first sync');
    expect(kept(inbox)).toMatchObject({ flagged: 10 });
    // a batch that repeats stored UIDs with other flags (a resumed sync) and adds new ones
    store.messages.insertHeaders(inbox, [mixed(3, false), mixed(4, true), mixed(31, true), mixed(32, false)]);
    expectKept('a repeated batch');
    store.messages.setLocalFlags([idOf(inbox, 1), idOf(inbox, 2)], { flagged: true });
    store.messages.setLocalFlags([idOf(inbox, 6)], { flagged: false, seen: false });
    // the same flags written again move nothing
    store.messages.setLocalFlags([idOf(inbox, 1)], { flagged: true, seen: false });
    expectKept('local flag changes');
    store.messages.applyServerFlags(inbox, [
      { uid: 7, flags: starredFlags(true) },
      { uid: 9, flags: starredFlags(false) },
      { uid: 10, flags: starredFlags(false) },
    ]);
    expectKept('the server’s flags');
    store.messages.moveLocal([idOf(inbox, 12), idOf(inbox, 13)], archive);
    expectKept('a move');
    // EXPUNGE and VANISHED both remove by UID
    store.messages.removeUids(inbox, [15, 16, 99]);
    store.messages.delete([idOf(inbox, 18), idOf(inbox, 19)]);
    expectKept('expunges and deletes');
    // the moved message gets its UID in Archive, where sync already stored it: the synced copy wins
    store.messages.insertHeaders(archive, [mixed(40, true)]);
    const moved = store.db
      .prepare('SELECT id FROM messages WHERE mailbox_id = ? AND uid IS NULL')
      .pluck()
      .all(archive) as number[];
    expect(store.messages.assignUid(moved[0]!, archive, 40)).toBe(false);
    expectKept('a COPYUID clash');
    store.mailboxes.resetCache(archive);
    expectKept('a cache reset');
    expect(kept(archive)).toEqual({ total: 0, unread: 0, flagged: 0 });
    store.close();
  });

  it('is counted for the messages a database already holds when it migrates', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'mail.db'));
    // the schema before the kept starred count, found by what it adds (others append theirs after it)
    const added = migrations.findIndex((sql) => sql.includes('ADD COLUMN flagged_count'));
    expect(added).toBeGreaterThan(0);
    for (const migration of migrations.slice(0, added)) db.exec(migration);
    db.pragma(`user_version = ${added}`);
    db.prepare(
      `INSERT INTO accounts (id, name, email, display_name, username, imap_host, imap_port, imap_security,
         smtp_host, smtp_port, smtp_security, created_at)
       VALUES ('old', 'Old', 'old@example.test', 'Old', 'old', 'imap.example.test', 993, 'tls',
         'smtp.example.test', 465, 'tls', 1)`,
    ).run();
    const boxes = ['INBOX', 'Archive'].map(
      (name) =>
        db
          .prepare("INSERT INTO mailboxes (account_id, path, name, delimiter) VALUES ('old', ?, ?, '/')")
          .run(name, name).lastInsertRowid as number,
    );
    const insert = db.prepare(HEADER_SQL.insert);
    for (let uid = 1; uid <= 30; uid++) insert.run(headerRow(boxes[0]!, mixed(uid)));
    for (let uid = 1; uid <= 4; uid++) insert.run(headerRow(boxes[1]!, mixed(uid, true)));
    db.close();

    const store = Store.open(dir);
    try {
      const flagged = store.db.prepare('SELECT flagged_count FROM mailboxes WHERE id = ?').pluck();
      expect(boxes.map((box) => flagged.get(box))).toEqual([10, 4]);
    } finally {
      store.close();
    }
  });
});

describe('the profile lock', () => {
  it('refuses a second open of the same profile while the first is open, and frees it on close', () => {
    const dir = tempDir();
    const first = Store.open(dir);
    expect(() => Store.open(dir)).toThrow(/in use by another Mail process/);
    first.close();
    const second = Store.open(dir);
    second.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'mail.lock'), '999999999');
    const store = Store.open(dir);
    store.close();
  });
});

describe('a bulk transaction', () => {
  it('commits with the automatic checkpoint held back, which the writer thread then runs', async () => {
    const { store, dir } = openTempStore(cleanup, 'mail-bulk-');
    const { box } = addTestAccount(store);
    const inbox = box('INBOX').id;
    const every = store.db.pragma('wal_autocheckpoint', { simple: true });
    expect(every).toBeGreaterThan(0);
    const size = (file: string) => statSync(path.join(dir, file)).size / 4096;
    const pagesBefore = size('mail.db');
    const ids = store.bulkTransaction(() =>
      store.messages.insertHeaders(
        inbox,
        Array.from({ length: 20_000 }, (_, i) => header(i + 1, Date.UTC(2026, 0, 1) + i * 60_000)),
      ),
    );
    expect(ids).toHaveLength(20_000);
    // the setting is back, and the log, far past it, is still the log: the commit copied nothing
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(every);
    expect(size('mail.db-wal')).toBeGreaterThan(every as number);
    // the thread copies it into the database file (nothing else here checkpoints)
    await waitFor(async () => size('mail.db') > pagesBefore + (every as number), {
      what: 'the log copied into the database',
    });
    const reader = new Database(path.join(dir, 'mail.db'), { readonly: true });
    cleanup.push(() => reader.close());
    expect(reader.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(20_000);
  });

  it('leaves checkpoints held by someone else held', () => {
    const { store } = openTempStore(cleanup, 'mail-bulk-held-');
    store.db.pragma('wal_autocheckpoint = 0');
    store.bulkTransaction(() => undefined);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });
});
