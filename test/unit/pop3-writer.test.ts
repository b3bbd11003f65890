// A POP3 download's writer thread (store/pop3-writer.ts) on a real SQLite file, and the way
// Pop3Repo.openBatchWriter falls back to the main connection: batches written by the thread land
// as the main connection writes them (rows, UIDLs, the bytes of each message intact out of the
// packed buffer), its checkpoint copies them into the database file, and a thread that cannot
// start or a batch it refuses leaves the writing to the main connection, which loses nothing
// and stores nothing twice.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerRow } from '../../electron/core/store/header-rows';
import type { Pop3WriteBatch } from '../../electron/core/store/pop3-repo';
import { Pop3Writer } from '../../electron/core/store/pop3-writer';
import type { Store } from '../../electron/core/store/store';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord, testAccountSettings } from '../support/store-fixtures';
import { openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

function pop3Store() {
  const { store } = openTempStore(cleanup, 'mail-pop3-thread-');
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  store.pop3.register(account.id, { host: 'pop.example.test', port: 995, security: 'tls' });
  return { store, accountId: account.id, inbox: store.pop3.inbox(account.id) };
}

/** Messages of different sizes, so a wrong offset into the packed bytes shows. */
function source(n: number): Buffer {
  return Buffer.from(`Message-ID: <${n}@x>\r\n\r\n${'body line\r\n'.repeat(n % 7)}end ${n}\r\n`);
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
      raw: source(from + i),
    })),
  };
}

function stored(store: Store, inbox: number) {
  return store.db
    .prepare(
      `SELECT m.id, m.uid, p.uidl, r.raw FROM messages m
       JOIN pop3_messages p ON p.message_row = m.id JOIN pop3_raw r ON r.message_row = m.id
       WHERE m.mailbox_id = ? ORDER BY m.uid`,
    )
    .all(inbox) as { id: number; uid: number; uidl: string; raw: Buffer }[];
}

describe('Pop3Writer', () => {
  it('writes batches on its thread as the main connection would: rows, UIDLs and every message byte for byte', async () => {
    const { store, accountId, inbox } = pop3Store();
    const writer = Pop3Writer.open(store.db.name);
    expect(writer).not.toBeNull();
    const first = await writer!.store(batch(accountId, inbox, 1, 5));
    const second = await writer!.store(batch(accountId, inbox, 6, 4));
    // a header that came first (TOP), its bytes later
    const [topped] = store.pop3.addHeaders(
      accountId,
      [{ uidl: 'top', headerHash: 'ht', record: headerRecord(0, { messageId: '<top@x>' }) }],
      1,
    );
    await writer!.store({ accountId, inbox, now: 2, bodies: [{ uidl: 'top', raw: source(99) }], whole: [] });
    await writer!.finish();

    const rows = stored(store, inbox);
    expect(rows.map((r) => r.uid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.slice(0, 9).map((r) => r.id)).toEqual([...first, ...second]);
    expect(rows.map((r) => r.uidl)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'top']);
    for (const [i, r] of rows.slice(0, 9).entries()) expect(r.raw.equals(source(i + 1))).toBe(true);
    expect(store.pop3.raw(topped!)?.equals(source(99))).toBe(true);
    expect(store.pop3.known(accountId).get('u7')).toMatchObject({ complete: true, messageRow: second[1] });
  });

  it('copies what it wrote into the database file once, when it finishes', async () => {
    const { store, accountId, inbox } = pop3Store();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = statSync(store.db.name).size;
    const writer = Pop3Writer.open(store.db.name)!;
    const big = batch(accountId, inbox, 1, 50);
    for (const w of big.whole) w.raw = Buffer.concat([w.raw, Buffer.alloc(16 * 1024, 'x')]);
    await writer.store(big);
    // written to the log only: the thread holds its checkpoints back
    expect(statSync(store.db.name).size).toBe(before);
    await writer.finish();
    expect(statSync(store.db.name).size).toBeGreaterThan(before + 50 * 16 * 1024);
  });
});

describe('Pop3Repo.openBatchWriter', () => {
  it('writes on the main connection when the thread cannot start, every batch in order', async () => {
    const { store, accountId, inbox } = pop3Store();
    const sink = store.pop3.openBatchWriter(1000, '/nowhere/better-sqlite3');
    const first = await sink.store(batch(accountId, inbox, 1, 3));
    const second = await sink.store(batch(accountId, inbox, 4, 2));
    await sink.finish();
    expect(stored(store, inbox).map((r) => [r.id, r.uidl])).toEqual(
      [...first, ...second].map((id, i) => [id, `u${i + 1}`]),
    );
  });

  it('answers a batch the thread refused with the main connection, where a real failure throws and nothing is stored twice', async () => {
    const { store, accountId, inbox } = pop3Store();
    const sink = store.pop3.openBatchWriter(1000);
    await sink.store(batch(accountId, inbox, 1, 3));
    // the same UIDLs again: pop3_messages' key refuses them on either connection
    await expect(sink.store(batch(accountId, inbox, 2, 2))).rejects.toThrow(/UNIQUE/);
    const later = await sink.store(batch(accountId, inbox, 10, 1));
    await sink.finish();
    expect(stored(store, inbox).map((r) => r.uidl)).toEqual(['u1', 'u2', 'u3', 'u10']);
    expect(stored(store, inbox).at(-1)?.id).toBe(later[0]);
  });
});
