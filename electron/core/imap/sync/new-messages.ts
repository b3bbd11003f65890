// New messages and the backfill of older ones, newest first in UID batches: a small first batch
// so the first screen of the list shows at once, then larger ones. Each batch is stored in one
// transaction with the sync state it completes, so an interrupted sync resumes where it stopped.
import type { FetchMessageObject } from 'imapflow';
import type { SyncContext } from './context';
import { HEADER_QUERY, toHeaderRecord } from './header-fields';

const FIRST_BATCH = 50;
const BATCH = 1_000;

/** Contiguous UID ranges for a sorted batch ("1:5,9,12:14"): keeps the FETCH command short. */
export function toUidSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

async function searchUids(ctx: SyncContext, range: string): Promise<number[]> {
  const found = await ctx.client.search({ uid: range }, { uid: true });
  return (found || []).sort((a, b) => b - a);
}

export async function fetchNewMessages(ctx: SyncContext): Promise<void> {
  const { store, box, server } = ctx;
  const state = { ...box.sync };
  const top = Math.max(0, server.uidNext - 1);
  const firstSync = state.syncedLowUid === null;

  // Above what we have: new mail. Below it: the backfill of a first sync that was interrupted.
  const fresh = top > state.syncedHighUid ? await searchUids(ctx, `${state.syncedHighUid + 1}:*`) : [];
  const newer = fresh.filter((uid) => uid > state.syncedHighUid);
  const older = !firstSync && state.syncedLowUid! > 1 ? await searchUids(ctx, `1:${state.syncedLowUid! - 1}`) : [];
  const pinned = store.pendingOps.pinnedUids(box.id);
  const total = newer.length + older.length;
  let done = 0;

  const fetchBatch = async (uids: number[]): Promise<FetchMessageObject[]> => {
    const rows: FetchMessageObject[] = [];
    for await (const msg of ctx.client.fetch(toUidSet(uids), HEADER_QUERY, { uid: true })) rows.push(msg);
    return rows;
  };

  const store1 = (rows: FetchMessageObject[], next: typeof state): void => {
    const records = rows
      .filter((m) => !pinned.has(m.uid))
      .map((m) => toHeaderRecord(m, `${box.id}`, ctx.hasAttachments));
    const ids = store.transaction(() => {
      const inserted = store.messages.insertHeaders(box.id, records);
      store.mailboxes.saveSyncState(box.id, next);
      return inserted;
    });
    Object.assign(state, next);
    ctx.changes.added.push(...ids);
    done += rows.length;
    ctx.onBatch(ids, done, total);
  };

  const runDescending = async (uids: number[], after: (batchLow: number, batchHigh: number) => typeof state) => {
    for (let i = 0, size = FIRST_BATCH; i < uids.length; i += size, size = BATCH) {
      const batch = uids.slice(i, i + size);
      store1(await fetchBatch(batch), after(batch[batch.length - 1]!, batch[0]!));
    }
  };

  if (newer.length) {
    if (firstSync) {
      // Everything stored is the contiguous top of the mailbox: [batch low, top].
      await runDescending(newer, (low) => ({ ...state, syncedHighUid: top, syncedLowUid: low }));
    } else {
      // The gap above syncedHighUid is complete only when its last (lowest) batch lands.
      const lowestNew = newer[newer.length - 1]!;
      await runDescending(newer, (low) => ({ ...state, syncedHighUid: low === lowestNew ? top : state.syncedHighUid }));
    }
  }
  await runDescending(older, (low) => ({ ...state, syncedLowUid: low }));

  // Everything is here: remember the mailbox as complete, with the state the server announced.
  const complete = {
    ...state,
    syncedHighUid: Math.max(state.syncedHighUid, top),
    syncedLowUid: 1,
    uidValidity: server.uidValidity,
    uidNext: server.uidNext,
  };
  store.mailboxes.saveSyncState(box.id, complete);
  Object.assign(box.sync, complete);
}
