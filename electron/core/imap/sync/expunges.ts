// Messages removed elsewhere that QRESYNC did not report (no QRESYNC, or a partial backfill):
// the stored UIDs are diffed against the server's (UID SEARCH ALL, in ranges where the server can: uid-search.ts), which only happens when the counts say
// something is missing, so an unchanged mailbox costs no search.
import type { SyncContext } from './context';
import { searchUidList } from './uid-search';

export async function removeExpunged(ctx: SyncContext): Promise<void> {
  const { client, store, box, server } = ctx;

  // Counted first: the map of every stored UID costs ~100 ms at 100,000 and is rarely needed.
  const stored = store.messages.uidCount(box.id);
  if (stored === 0) return;
  // Messages moved away locally, not yet on the server, still count there.
  const pinned = store.pendingOps.pinnedUids(box.id);
  // With a sync window the older messages are left out on purpose: only the stored range is compared.
  const fullySynced = store.mailboxes.get(box.id)?.sync.syncedLowUid === 1 && !ctx.since;
  if (fullySynced) {
    // Pinned UIDs are looked up one by one, not in a map of the whole mailbox: a message read
    // while a large mailbox syncs pins its \Seen until the op is replayed, and that map, built on
    // every pass, held the engine's thread while the window waited for the next body.
    const movedAway = pinned.size - store.messages.idsByUid(box.id, [...pinned]).size;
    if (stored + movedAway === server.exists) return;
  }

  const local = store.messages.uids(box.id);
  let lowest = Infinity;
  if (ctx.since) for (const uid of local.keys()) lowest = Math.min(lowest, uid);
  const query = Number.isFinite(lowest) && lowest > 1 ? { uid: `${lowest}:*` } : { all: true };
  const serverUids = new Set(await searchUidList(client, query));
  const gone = [...local.keys()].filter((uid) => !serverUids.has(uid));
  if (gone.length) ctx.changes.removed.push(...store.messages.removeUids(box.id, gone));
}
