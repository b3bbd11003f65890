// The POP3 writer thread (store/pop3-writer.ts) on a real SQLite file: a batch's rows, UIDLs and
// bytes land together where the main connection reads them, after the Inbox's highest uid; the
// same batch without the thread (it cannot start) is written on the main connection alike.
import { describe, expect, it } from 'vitest';
import { headerRow } from '../../electron/core/store/header-rows';
import { Pop3Repo } from '../../electron/core/store/pop3-repo';
import { Pop3Writer, type Pop3WriteBatch } from '../../electron/core/store/pop3-writer';
import type { Store } from '../../electron/core/store/store';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord, testAccountSettings } from '../support/store-fixtures';
import { openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

function pop3Store() {
  const { store } = openTempStore(cleanup, 'mail-pop3-writer-');
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  store.pop3.register(account.id, { host: 'pop.example.test', port: 995, security: 'tls' });
  return { store, accountId: account.id, inbox: store.pop3.inbox(account.id) };
}

function batch(accountId: string, inbox: number, from: number, count: number): Pop3WriteBatch {
  return {
    accountId,
    inbox,
    now: 1_700_000_000_000,
    bodies: [],
    whole: Array.from({ length: count }, (_, i) => ({
      uidl: `u${from + i}`,
      headerHash: `h${from + i}`,
      row: headerRow(inbox, headerRecord(0, { messageId: `<${from + i}@x>` })),
      raw: Buffer.from(`Message-ID: <${from + i}@x>\r\n\r\nbody ${from + i}\r\n`),
    })),
  };
}

function stored(store: Store, inbox: number) {
  return store.db
    .prepare(
      `SELECT m.id, m.uid, m.message_id AS messageId, p.uidl, r.raw FROM messages m
       JOIN pop3_messages p ON p.message_row = m.id JOIN pop3_raw r ON r.message_row = m.id
       WHERE m.mailbox_id = ? ORDER BY m.uid`,
    )
    .all(inbox) as { id: number; uid: number; messageId: string; uidl: string; raw: Buffer }[];
}

describe('the POP3 writer', () => {
  it('stores rows, UIDLs and bytes in the thread, after the Inbox highest uid, with their ids in order', async () => {
    const { store, accountId, inbox } = pop3Store();
    const writer = new Pop3Writer(store.db.name);
    cleanup.push(() => writer.close());
    const first = await writer.write(batch(accountId, inbox, 1, 3));
    expect(first).not.toBeNull(); // written by the thread, not left to the caller
    if (!first) return;
    const second = await store.pop3.storeDownloaded(batch(accountId, inbox, 4, 2));

    const rows = stored(store, inbox);
    expect(rows.map((r) => r.uid)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.id)).toEqual([...first, ...second]);
    expect(rows.map((r) => r.uidl)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(rows[4]?.raw.toString()).toBe('Message-ID: <5@x>\r\n\r\nbody 5\r\n');
    expect(countOf(store, inbox)).toBe(5); // the Inbox's count, kept by the batch
    expect(store.pop3.known(accountId).get('u2')).toMatchObject({ complete: true, messageRow: first[1] });
  });

  it('answers null when the thread cannot start, and the repo then writes on the main connection', async () => {
    const { store, accountId, inbox } = pop3Store();
    const writer = new Pop3Writer(store.db.name, undefined, '/nowhere/better-sqlite3');
    cleanup.push(() => writer.close());
    expect(await writer.write(batch(accountId, inbox, 1, 2))).toBeNull();
    expect(stored(store, inbox)).toHaveLength(0);

    const ids = await new Pop3Repo(store.db, writer).storeDownloaded(batch(accountId, inbox, 1, 2));
    expect(stored(store, inbox).map((r) => [r.id, r.uid, r.uidl])).toEqual([
      [ids[0], 1, 'u1'],
      [ids[1], 2, 'u2'],
    ]);
  });
});

function countOf(store: Store, inbox: number): number {
  return (store.db.prepare('SELECT message_count AS n FROM mailboxes WHERE id = ?').get(inbox) as { n: number }).n;
}
