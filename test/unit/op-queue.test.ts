// Dropping a queued action that can no longer reach the server leaves no trace in the cache:
// a moved message's placeholder goes (the source's sync brings the real one back), and flags the
// server never got are refetched in full.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { move } from '../../electron/core/imap/ops/move';
import { replayPendingOps } from '../../electron/core/imap/ops/op-queue';
import { setFlags } from '../../electron/core/imap/ops/set-flags';
import type { Store } from '../../electron/core/store/store';
import { headerRecord, listedMailbox } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

function setup() {
  const { store } = openTempStore(cleanup, 'mail-ops-');
  const { account, box } = addTestAccount(store, [
    listedMailbox('INBOX', 'inbox'),
    listedMailbox('Archive', 'archive'),
    listedMailbox('Junk', 'junk'),
  ]);
  const [inbox, archive, junk] = [box('INBOX'), box('Archive'), box('Junk')];
  for (const box of [inbox, archive, junk])
    store.mailboxes.saveSyncState(box.id, {
      uidValidity: '100',
      highestModseq: '50',
      uidNext: 3,
      syncedHighUid: 2,
      syncedLowUid: 1,
    });
  const header = (uid: number) => headerRecord(uid, { subject: `m${uid}`, from: [], size: 1 });
  const ids = store.messages.insertHeaders(inbox.id, [header(1), header(2)]);
  return { store, account, inbox, archive, junk, ids };
}

/** A server whose INBOX was recreated: every queued UID belongs to a dead UIDVALIDITY. */
const recreatedServer = { mailboxOpen: async () => ({ uidValidity: 999n }) } as unknown as ImapFlow;

describe('dropping a queued action', () => {
  it('removes a moved message’s placeholder and reports the recreated mailbox', async () => {
    const { store, account, inbox, archive, ids } = setup();
    const local = move.applyLocally(store, { ids: [ids[0]!], toMailboxId: archive.id });
    for (const op of local.ops) store.pendingOps.enqueue(op.accountId, move.kind, op.payload, op.touches);
    expect(store.messages.count(archive.id)).toBe(1);

    const report = await replayPendingOps(recreatedServer, store, account.id, 'imap.example.test');
    expect(report.dropped).toEqual([expect.objectContaining({ kind: 'move', reason: 'mailbox-recreated' })]);
    expect(store.pendingOps.count(account.id)).toBe(0);
    expect(store.messages.count(archive.id)).toBe(0);
    expect(store.pendingOps.pinnedUids(inbox.id).size).toBe(0);
    store.close();
  });

  it('makes the next sync fetch every flag when a flag change never reached the server', async () => {
    const { store, account, inbox, ids } = setup();
    const local = setFlags.applyLocally(store, { ids: [ids[1]!], flagged: true });
    for (const op of local.ops) store.pendingOps.enqueue(op.accountId, setFlags.kind, op.payload, op.touches);
    expect(store.mailboxes.get(inbox.id)!.sync.highestModseq).toBe('50');

    await replayPendingOps(recreatedServer, store, account.id, 'imap.example.test');
    expect(store.mailboxes.get(inbox.id)!.sync.highestModseq).toBeNull();
    store.close();
  });
});

describe('moving a message whose earlier move is still queued', () => {
  function queueMove(store: Store, ids: number[], toMailboxId: number) {
    const local = move.applyLocally(store, { ids, toMailboxId });
    for (const op of local.ops) store.pendingOps.enqueue(op.accountId, move.kind, op.payload, op.touches);
  }

  it('back where it came from (an undo made offline): the queued move is dropped, the UID restored', () => {
    const { store, account, inbox, archive, ids } = setup();
    queueMove(store, [ids[0]!], archive.id);
    queueMove(store, [ids[0]!], inbox.id);
    expect(store.pendingOps.count(account.id)).toBe(0);
    expect(store.messages.get([ids[0]!])[0]).toMatchObject({ mailboxId: inbox.id, uid: 1 });
    expect(store.pendingOps.pinnedUids(inbox.id).size).toBe(0);
    store.close();
  });

  it('on to a third folder: one move from the original mailbox straight to the new target', () => {
    const { store, account, inbox, archive, junk, ids } = setup();
    queueMove(store, [ids[0]!, ids[1]!], archive.id);
    queueMove(store, [ids[0]!], junk.id);
    const ops = store.pendingOps.list(account.id);
    expect(
      ops.map((op) => [
        (op.payload as { toPath: string }).toPath,
        (op.payload as { source: { uids: number[] } }).source.uids,
      ]),
    ).toEqual([
      ['Archive', [2]],
      ['Junk', [1]],
    ]);
    expect(store.pendingOps.pinnedUids(inbox.id)).toEqual(new Set([1, 2]));
    expect(store.messages.get([ids[0]!])[0]?.mailboxId).toBe(junk.id);
    store.close();
  });
});

describe('moving a message while its earlier move is on the wire', () => {
  /** A server whose MOVE answers only when the test says so, giving each moved UID `newUid`. */
  function slowServer(newUid: number) {
    let release = () => {};
    let moving = () => {};
    const started = new Promise<void>((resolve) => (moving = resolve));
    const answered = new Promise<void>((resolve) => (release = resolve));
    const client = {
      mailboxOpen: async () => ({ uidValidity: 100n }),
      search: async (query: { uid: string }) => query.uid.split(',').map(Number),
      messageMove: async (range: string) => {
        moving();
        await answered;
        return { uidMap: new Map(range.split(',').map((uid) => [Number(uid), newUid])) };
      },
    } as unknown as ImapFlow;
    return { client, started, release };
  }

  function queueMove(store: Store, ids: number[], toMailboxId: number) {
    const local = move.applyLocally(store, { ids, toMailboxId });
    for (const op of local.ops) store.pendingOps.enqueue(op.accountId, move.kind, op.payload, op.touches);
  }

  function queued(store: Store, accountId: string) {
    return store.pendingOps.list(accountId).map((op) => {
      const payload = op.payload as { source: { path: string; uids: number[] }; toPath: string };
      return [payload.source.path, payload.source.uids, payload.toPath];
    });
  }

  it('back where it came from (Delete right after an undo): the server gets the move back too', async () => {
    const { store, account, inbox, archive, ids } = setup();
    queueMove(store, [ids[0]!], archive.id);
    const server = slowServer(7);
    const replay = replayPendingOps(server.client, store, account.id, 'imap.example.test');
    await server.started;
    queueMove(store, [ids[0]!], inbox.id);
    server.release();
    await replay;

    // The server has it in Archive as UID 7 now: one move brings it back, and Archive's sync
    // must not list it there meanwhile.
    expect(queued(store, account.id)).toEqual([['Archive', [7], 'INBOX']]);
    expect(store.pendingOps.pinnedUids(archive.id)).toEqual(new Set([7]));
    expect(store.messages.get([ids[0]!])[0]).toMatchObject({ mailboxId: inbox.id });

    const back = slowServer(3);
    back.release();
    await replayPendingOps(back.client, store, account.id, 'imap.example.test');
    expect(store.pendingOps.count(account.id)).toBe(0);
    expect(store.messages.get([ids[0]!])[0]).toMatchObject({ mailboxId: inbox.id, uid: 3 });
    store.close();
  });

  it('on to a third folder: the next move starts where the server has just put it', async () => {
    const { store, account, archive, junk, ids } = setup();
    queueMove(store, [ids[0]!], archive.id);
    const server = slowServer(7);
    const replay = replayPendingOps(server.client, store, account.id, 'imap.example.test');
    await server.started;
    queueMove(store, [ids[0]!], junk.id);
    server.release();
    await replay;

    expect(queued(store, account.id)).toEqual([['Archive', [7], 'Junk']]);
    expect(store.messages.get([ids[0]!])[0]).toMatchObject({ mailboxId: junk.id });
    store.close();
  });
});
