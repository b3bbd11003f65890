// A POP3 download's batches on a real SQLite file (store/pop3-repo.ts storeDownloaded): the rows,
// UIDLs and bytes of messages that came whole land together, after the Inbox's highest uid; the
// bytes of messages whose header came first go under their rows.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerRow } from '../../electron/core/store/header-rows';
import { Pop3Repo, type Pop3WriteBatch } from '../../electron/core/store/pop3-repo';
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
      // every third one starred (a message the user starred here before, restored with its flags)
      row: headerRow(
        inbox,
        headerRecord(0, {
          messageId: `<${from + i}@x>`,
          flags: { seen: false, flagged: (from + i) % 3 === 0, answered: false, draft: false },
        }),
      ),
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

describe('Pop3Repo.storeDownloaded', () => {
  it('stores rows, UIDLs and bytes together, after the Inbox highest uid, with their ids in order', () => {
    const { store, accountId, inbox } = pop3Store();
    const first = store.pop3.storeDownloaded(batch(accountId, inbox, 1, 3));
    const second = store.pop3.storeDownloaded(batch(accountId, inbox, 4, 2));

    const rows = stored(store, inbox);
    expect(rows.map((r) => r.uid)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.id)).toEqual([...first, ...second]);
    expect(rows.map((r) => r.uidl)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(rows[4]?.raw.toString()).toBe('Message-ID: <5@x>\r\n\r\nbody 5\r\n');
    expect(countOf(store, inbox)).toBe(5); // the Inbox's count, kept by the batch
    // and its starred count (3 of 1..5), which the starred filter's list total reads
    expect(store.db.prepare('SELECT flagged_count FROM mailboxes WHERE id = ?').pluck().get(inbox)).toBe(1);
    expect(store.pop3.known(accountId).get('u2')).toMatchObject({ complete: true, messageRow: first[1] });
  });

  it('puts bytes under rows whose header came first, and skips one deleted here meanwhile', () => {
    const { store, accountId, inbox } = pop3Store();
    const record = headerRecord(0, { messageId: '<t@x>' });
    const [kept, gone] = store.pop3.addHeaders(
      accountId,
      [
        { uidl: 't1', headerHash: 'a', record },
        { uidl: 't2', headerHash: 'b', record },
      ],
      1,
    );
    store.db.prepare('DELETE FROM messages WHERE id = ?').run(gone);
    const raw = (n: number) => Buffer.from(`body ${n}\r\n`);
    store.pop3.storeDownloaded({
      accountId,
      inbox,
      now: 2,
      bodies: [
        { uidl: 't1', raw: raw(1) },
        { uidl: 't2', raw: raw(2) },
      ],
      whole: [],
    });
    expect(store.pop3.raw(kept!)?.toString()).toBe('body 1\r\n');
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM pop3_raw').get()).toEqual({ n: 1 });
  });
});
describe('Pop3Repo.withOneCheckpoint', () => {
  const autocheckpoint = (store: Store) => store.db.pragma('wal_autocheckpoint', { simple: true });
  const logFrames = (store: Store) =>
    (store.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[])[0]!;

  it('holds SQLite back from copying the log while downloads run, then copies it once when the last ends', async () => {
    const { store, accountId, inbox } = pop3Store();
    expect(autocheckpoint(store)).toBe(1000);
    let releaseFirst!: () => void;
    const first = store.pop3.withOneCheckpoint(() => new Promise<void>((resolve) => (releaseFirst = resolve)));
    const second = store.pop3.withOneCheckpoint(async () => {
      expect(autocheckpoint(store)).toBe(0);
      store.pop3.storeDownloaded(batch(accountId, inbox, 1, 50));
    });
    await second;
    // the second download ended, the first still runs: still held
    expect(autocheckpoint(store)).toBe(0);
    releaseFirst();
    await first;
    expect(autocheckpoint(store)).toBe(1000);
    // the checkpoint at the end copied everything the log held
    const { log, checkpointed } = logFrames(store);
    expect(checkpointed).toBe(log);
  });

  it('has the log copied by the runner it was given, once, when the last download ends', async () => {
    const { store, accountId, inbox } = pop3Store();
    const calls: string[] = [];
    const repo = new Pop3Repo(store.db, undefined, {
      warmUp: () => calls.push(`warm-up at ${String(autocheckpoint(store))}`),
      checkpoint: () => calls.push(`checkpoint at ${String(autocheckpoint(store))}`),
    });
    let releaseFirst!: () => void;
    const first = repo.withOneCheckpoint(() => new Promise<void>((resolve) => (releaseFirst = resolve)));
    await repo.withOneCheckpoint(async () => {
      repo.storeDownloaded(batch(accountId, inbox, 1, 50));
    });
    expect(calls).toEqual(['warm-up at 1000']);
    releaseFirst();
    await first;
    // after the automatic checkpoints are back, so a copy that could not start is made by the next commit
    expect(calls).toEqual(['warm-up at 1000', 'checkpoint at 1000']);
  });

  it('in a store, copies the log on the POP3 writer thread while this thread goes on', async () => {
    const { store, accountId, inbox } = pop3Store();
    await store.pop3.withOneCheckpoint(async () => {
      store.pop3.storeDownloaded(batch(accountId, inbox, 1, 200));
    });
    expect(store.pop3Writer.threadRunning).toBe(true);
    expect(store.headerWriter.threadRunning).toBe(false);
    // nothing on this connection copies the log from here on: the file fills up from the thread
    const pages = (name: string) => store.db.pragma(name, { simple: true }) as number;
    const full = pages('page_count') * pages('page_size');
    await expect.poll(() => statSync(store.db.name).size, { timeout: 10_000 }).toBeGreaterThanOrEqual(full);
  });

  it('lets the checkpoints go again when the download fails', async () => {
    const { store } = pop3Store();
    await expect(
      store.pop3.withOneCheckpoint(async () => {
        throw new Error('cut');
      }),
    ).rejects.toThrow('cut');
    expect(autocheckpoint(store)).toBe(1000);
  });
});

function countOf(store: Store, inbox: number): number {
  return (store.db.prepare('SELECT message_count AS n FROM mailboxes WHERE id = ?').get(inbox) as { n: number }).n;
}
