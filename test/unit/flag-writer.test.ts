// The flag writer thread (store/flag-writer.ts) on a real SQLite file: the server's flags it
// writes are what the main connection reads, unread counts and conversation heads included;
// only rows whose flags differ come back as changed; a message a pending local operation
// touches keeps its flags; and whatever keeps the thread from writing says so, so the caller
// writes the changes itself.
import { describe, expect, it } from 'vitest';
import { FLAG_CHUNK, FlagWriter } from '../../electron/core/store/flag-writer';
import type { ServerFlagUpdate } from '../../electron/core/store/server-flags';
import type { Store } from '../../electron/core/store/store';
import { headerRecord } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

/** An INBOX of `count` unread, unflagged messages with UIDs 1..count. */
function openStore(count: number) {
  const { store } = openTempStore(cleanup, 'mail-flag-writer-');
  const { account, box } = addTestAccount(store);
  const inbox = box('INBOX');
  store.transaction(() =>
    store.messages.insertHeaders(
      inbox.id,
      Array.from({ length: count }, (_, i) => headerRecord(i + 1)),
    ),
  );
  return { store, inbox, accountId: account.id };
}

const flagged = (uid: number, seen = false): ServerFlagUpdate => ({
  uid,
  flags: { seen, flagged: true, answered: false, draft: false },
  keywords: [],
});

/** All of `updates` through one run of the writer: the ids it changed and whether it wrote all. */
async function writeAll(writer: FlagWriter, mailboxId: number, updates: readonly ServerFlagUpdate[]) {
  const stream = writer.open(mailboxId);
  if (!stream) return null;
  for (const update of updates) stream.add(update);
  return stream.finish();
}

const stored = (store: Store, mailboxId: number) =>
  store.db
    .prepare(
      'SELECT COALESCE(SUM(flagged), 0) AS flagged, COALESCE(SUM(seen = 0), 0) AS unread FROM messages WHERE mailbox_id = ?',
    )
    .get(mailboxId) as { flagged: number; unread: number };

describe('the flag writer thread', () => {
  it('writes the changes of several chunks where the main connection reads them, counts included', async () => {
    const { store, inbox } = openStore(1_200);
    // every other message flagged, one in ten of those read as well: more than two chunks
    const updates = Array.from({ length: 600 }, (_, i) => flagged(2 * i + 1, i % 10 === 0));
    expect(updates.length).toBeGreaterThan(2 * FLAG_CHUNK);
    const result = await writeAll(store.flagWriter, inbox.id, updates);
    expect(result?.complete).toBe(true);
    expect(new Set(result!.ids).size).toBe(600);
    const uids = new Map(store.messages.get(result!.ids).map((header) => [header.id, header.uid]));
    expect([...uids.values()].sort((a, b) => a - b)).toEqual(updates.map((update) => update.uid));
    expect(stored(store, inbox.id)).toEqual({ flagged: 600, unread: 1_140 });
    // the trigger-kept counts the sidebar and the starred filter show moved with them
    expect(store.mailboxes.get(inbox.id)!.unread).toBe(1_140);
    expect(store.db.prepare('SELECT flagged_count FROM mailboxes WHERE id = ?').pluck().get(inbox.id)).toBe(600);
  });

  it('answers only the rows whose flags differ, and leaves a message a pending operation touches', async () => {
    const { store, inbox, accountId } = openStore(400);
    expect((await writeAll(store.flagWriter, inbox.id, [flagged(1), flagged(2)]))?.ids).toHaveLength(2);
    // UID 3: marked read here, not yet on the server, which still reports it unread
    const [id3] = store.messages.idsByUid(inbox.id, [3]).values();
    store.pendingOps.enqueue(accountId, 'flags', { ids: [id3], seen: true }, [{ mailboxId: inbox.id, uid: 3 }]);
    const again = await writeAll(store.flagWriter, inbox.id, [flagged(1), flagged(2), flagged(3), flagged(4)]);
    expect(again?.complete).toBe(true);
    expect(store.messages.get(again!.ids).map((header) => header.uid)).toEqual([4]);
    expect(store.messages.get([id3!])[0]!.flags.flagged).toBe(false);
  });

  it('says it wrote nothing when its thread cannot start (the caller writes instead)', async () => {
    const { store, inbox } = openStore(300);
    const logged: string[] = [];
    const writer = new FlagWriter(store.db.name, (line) => logged.push(line), '/nowhere/better-sqlite3');
    cleanup.push(() => writer.close());
    const stream = writer.open(inbox.id);
    // a thread that fails to load its SQLite fails after starting: the run then says it is incomplete
    if (stream) {
      for (let uid = 1; uid <= 300; uid++) stream.add(flagged(uid));
      expect((await stream.finish()).complete).toBe(false);
    }
    expect(writer.open(inbox.id)).toBeNull();
    expect(logged.join('\n')).toMatch(/flag writer thread failed/);
    expect(stored(store, inbox.id).flagged).toBe(0);
  });

  it('says a run is incomplete when it is closed meanwhile, and opens none after', async () => {
    const { store, inbox } = openStore(2_000);
    const writer = new FlagWriter(store.db.name);
    const stream = writer.open(inbox.id)!;
    for (let uid = 1; uid <= 2_000; uid++) stream.add(flagged(uid));
    writer.close();
    const result = await stream.finish();
    expect(result.complete).toBe(false);
    expect(writer.open(inbox.id)).toBeNull();
    // whatever the thread wrote before it went, the caller's own pass writes the rest
    store.messages.applyServerFlags(
      inbox.id,
      Array.from({ length: 2_000 }, (_, i) => flagged(i + 1)),
    );
    expect(stored(store, inbox.id).flagged).toBe(2_000);
  });
});
