// A resync with many flag changes made elsewhere (imap/sync/streamed-flags.ts): they are written
// by the flag writer thread while the new mail is fetched, against the real server. Whatever
// wrote them, the store ends as the server is (flags, new mail, expunged mail gone), a message a
// pending local operation touches keeps its own flags, the changes are announced once each, and
// the sync state saved covers them: the next resync finds nothing to change. On Dovecot with
// CONDSTORE/QRESYNC (only the changes come back); on Courier, which has neither, the flags of every
// message come back and stream the same way.
import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { planBody } from '../../electron/core/imap/body/structure';
import { syncMailbox } from '../../electron/core/imap/sync/mailbox-sync';
import { imapOptions } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { createMailUser } from '../support/mail-users';
import { addTestAccount, openTempStore } from '../support/temp-store';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const hasAttachments = (structure: unknown) => planBody(structure).hasAttachments;

const MESSAGES = 600;

/**
 * A connection as the engine makes it: QRESYNC enabled where the server has it, and the changes
 * come in the SELECT's answer. Without it (`qresync` false) they come in the FETCH after it.
 */
async function connect(user: MailUser, qresync = true): Promise<ImapFlow> {
  const client = new ImapFlow({ ...imapOptions(server, user), qresync });
  client.on('error', () => undefined);
  await client.connect();
  cleanup.push(() => client.logout().catch(() => client.close()));
  return client;
}

const raw = (n: number) => plainMessage(`new ${n}`);

/** uid → "seen flagged" as the server has them. */
async function serverFlags(client: ImapFlow): Promise<Map<number, string>> {
  const flags = new Map<number, string>();
  await client.mailboxOpen('INBOX', { readOnly: true });
  for await (const msg of client.fetch('1:*', { uid: true, flags: true }, { uid: true }))
    flags.set(msg.uid, `${msg.flags?.has('\\Seen') ? 1 : 0} ${msg.flags?.has('\\Flagged') ? 1 : 0}`);
  return flags;
}

async function resyncAfterChangesElsewhere(
  prefix: string,
  options: { withoutThread?: boolean; qresync?: boolean } = {},
) {
  const user = await createMailUser(server, prefix);
  await populateMailbox(server, user, { count: MESSAGES, seed: 41, flags: { seen: 0, flagged: 0, answered: 0 } });
  const { store } = openTempStore(cleanup, 'mail-resync-flags-');
  const { account, box } = addTestAccount(store);
  const inbox = box('INBOX');
  let syncedWith: ImapFlow | null = null;
  const sync = async () => {
    syncedWith = await connect(user, options.qresync ?? false);
    return syncMailbox(syncedWith, store, store.mailboxes.get(inbox.id)!, { hasAttachments, onBatch: () => {} });
  };
  await sync();
  expect(store.messages.count(inbox.id)).toBe(MESSAGES);

  // another device: flags 450 messages, reads 50 more, expunges 10 and delivers 20
  const other = await connect(user);
  await other.mailboxOpen('INBOX');
  await other.messageFlagsAdd('1:450', ['\\Flagged'], { uid: true });
  await other.messageFlagsAdd('451:500', ['\\Seen'], { uid: true });
  await other.messageDelete('591:600', { uid: true });
  for (let n = 1; n <= 20; n++) await other.append('INBOX', raw(n));
  // UID 7 was unflagged here, and that is not on the server yet: the server's \Flagged must not win
  const [pinned] = store.messages.idsByUid(inbox.id, [7]).values();
  store.pendingOps.enqueue(account.id, 'flags', { ids: [pinned], flagged: false }, [{ mailboxId: inbox.id, uid: 7 }]);

  if (options.withoutThread) store.flagWriter.close();
  const changes = await sync();
  const selectCarriedThem = syncedWith!.enabled.has('QRESYNC');
  return { store, inbox, other, changes, pinned: pinned!, sync, selectCarriedThem };
}

describe('a resync after many flag changes elsewhere', () => {
  const cases = [
    {
      withoutThread: false,
      qresync: false,
      name: 'writes them on the flag writer thread and ends as the server is, with nothing left for the next resync',
    },
    {
      withoutThread: true,
      qresync: false,
      name: 'ends the same when the flag writer thread cannot be used (written on the main connection)',
    },
    // the SELECT's answer brings them (select-changes.ts) and they stream as it is parsed
    {
      withoutThread: false,
      qresync: true,
      name: 'ends the same when the SELECT brings them (QRESYNC), streamed to the thread from its answer',
    },
  ];
  for (const { withoutThread, qresync, name } of cases)
    it(name, async () => {
      const { store, inbox, other, changes, pinned, sync, selectCarriedThem } = await resyncAfterChangesElsewhere(
        `resync-flags-${withoutThread ? 'main' : qresync ? 'select' : 'thread'}`,
        { withoutThread, qresync },
      );
      // the thread wrote them (it stays a moment after its last chunk), or could not be used
      expect(store.flagWriter.threadRunning).toBe(!withoutThread);
      // (Courier has no QRESYNC: there they come in the FETCH after the SELECT)
      if (qresync && withoutThread === false) expect(selectCarriedThem).toBe(server.imapServer.name !== 'courier');

      const onServer = await serverFlags(other);
      expect(onServer.size).toBe(MESSAGES - 10 + 20);
      const rows = store.db
        .prepare('SELECT id, uid, seen, flagged FROM messages WHERE mailbox_id = ?')
        .all(inbox.id) as { id: number; uid: number; seen: number; flagged: number }[];
      expect(rows.map((row) => row.uid).sort((a, b) => a - b)).toEqual([...onServer.keys()].sort((a, b) => a - b));
      for (const row of rows)
        if (row.id === pinned) expect(row.flagged).toBe(0);
        else expect(`${row.seen} ${row.flagged}`, `UID ${row.uid}`).toBe(onServer.get(row.uid));

      // every message changed here announced once: 449 flagged (the pinned one kept), 50 read
      const changedUids = new Set(store.messages.get(changes.updated).map((header) => header.uid));
      expect(changes.updated).toHaveLength(449 + 50);
      expect(changedUids.size).toBe(449 + 50);
      expect(changedUids.has(7)).toBe(false);
      expect(changes.added).toHaveLength(20);
      expect(changes.removed).toHaveLength(10);
      const box = store.mailboxes.get(inbox.id)!;
      expect({ total: box.total, unread: box.unread }).toEqual({
        total: MESSAGES - 10 + 20,
        unread: rows.filter((row) => row.seen === 0).length,
      });

      // the sync state saved covers what was written: nothing changes a second time
      const again = await sync();
      expect(again.updated).toEqual([]);
      expect(again.added).toEqual([]);
    });
});
