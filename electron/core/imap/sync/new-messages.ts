// New messages and the backfill of older ones, newest first in UID batches: a small first batch
// so the first screen of the list shows at once (on a first sync, before any SEARCH), then
// larger ones. Each batch is stored in one
// transaction with the sync state it completes, so an interrupted sync resumes where it stopped.
// The FETCH of the next batch is already under way while one is written, and the rows of a large
// batch stream to the header writer thread (store/header-writer.ts) as they are parsed; it writes
// them when the FETCH ends, while this thread parses the next.
import { WRITER_MIN_ROWS, type StreamedBatch } from '../../store/header-writer';
import type { HeaderRecord } from '../../store/messages-repo';
import type { FetchThread } from './fetch-thread';
import type { SyncContext } from './context';
import { headerQueryFor, toHeaderRecord } from './header-fields';
import { fetchHeaderMessages } from './fast-fetch';
import { fetchSplit, type SplitConnection } from './split-fetch';
import { turnSlicer } from './turn-slicer';
import { searchUidList } from './uid-search';

const FIRST_BATCH = 50;
const BATCH = 1_000;
/**
 * Batches grow to this once a fifth of what is already fetched is more than BATCH. Every batch
 * is a transaction whose index pages SQLite writes again (the sender and subject indexes take
 * rows all over), a FETCH command, and an event after which a window open on the folder reads
 * its rows and counts again: at 50,000 messages, batches of 1,000 cost the writer thread 1.1 s of
 * CPU, growing ones 0.75 s (measured on this schema), and the list 24 updates instead of 51. The
 * first 10,000 still come in batches of 1,000: the list fills as fast from the top, and a split
 * sync's connections still share a queue of many batches.
 */
const MAX_BATCH = 4_000;

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

export interface FetchedBatch {
  /** The FETCH's UID set (or sequence range for the first screen). */
  range: string;
  /** The rows, unless they went to the header writer thread as they came (`streamed`). */
  records: HeaderRecord[];
  streamed: StreamedBatch | null;
  /** Responses received, the pinned ones included: the progress count. */
  fetched: number;
  /** The lowest UID among them (Infinity for none). */
  lowUid: number;
}

/** The size of the batch after `done` UIDs: BATCH, then a fifth of `done` in thousands, at most MAX_BATCH. */
export function batchSizeAfter(done: number): number {
  if (done === 0) return FIRST_BATCH;
  return Math.min(MAX_BATCH, Math.max(BATCH, Math.floor(done / 5 / BATCH) * BATCH));
}

/**
 * Newest first: a small first batch (the first screen), then BATCH at a time, growing to
 * MAX_BATCH, and the last one no larger than BATCH (cut from the one before it). `done`: what
 * this sync already fetched (a first sync's first screen), so the batches go on from there
 * instead of starting over with another FETCH of FIRST_BATCH.
 *
 * Why the last one is small: the writer thread inserts a batch's rows once its FETCH has ended,
 * while this thread parses the next FETCH; after the last FETCH nothing is left to parse, and the
 * sync ends when that last insert commits. With a last batch of 3,900 rows (50,000 messages) the
 * engine waited 64-85 ms for it after the last FETCH on the bench machine, 150-250 ms when it was
 * loaded; with one of 1,000 rows 21-42 ms (README, "What a header costs the engine").
 */
export function toBatches(uids: readonly number[], done = 0): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < uids.length; i += batches.at(-1)!.length)
    batches.push(uids.slice(i, i + batchSizeAfter(done + i)));
  const last = batches.at(-1);
  if (last && last.length > BATCH) {
    // BATCH at the end, or half of a last batch under twice that: never a stray FETCH of a few
    const tail = Math.min(BATCH, Math.floor(last.length / 2));
    batches.splice(-1, 1, last.slice(0, -tail), last.slice(-tail));
  }
  return batches;
}

/** One turn of the event loop: imapflow writes a queued command after a few promise steps. */
const commandSent = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The UIDs in `range`, newest first; with a sync window, only messages from its first day on. */
async function searchUids(ctx: SyncContext, range: string): Promise<number[]> {
  const found = await searchUidList(ctx.client, { uid: range, ...(ctx.since ? { since: ctx.since } : {}) });
  return found.sort((a, b) => b - a);
}

/** An extra connection opened early that no split took (the sync failed first, or the rest was small): closed. */
function closeUnused(opening: Promise<FetchThread | null> | null): void {
  void opening?.then((thread) => thread?.close());
}

export async function fetchNewMessages(ctx: SyncContext): Promise<void> {
  const { store, box, server } = ctx;
  const state = { ...box.sync };
  const top = Math.max(0, server.uidNext - 1);
  const pinned = store.pendingOps.pinnedUids(box.id);
  const mailboxKey = `${box.id}`;
  const query = headerQueryFor(ctx.client.capabilities);
  let done = 0;
  let total = 0;

  /**
   * One FETCH. Each response becomes a row as it arrives: no parsed message is held. The rows of
   * a large batch go on to the header writer thread a chunk at a time (`stream`); the others stay
   * here until the batch is written.
   */
  const fetchRows = async (range: string, byUid: boolean, stream: StreamedBatch | null): Promise<FetchedBatch> => {
    const records: HeaderRecord[] = [];
    let fetched = 0;
    let lowUid = Infinity;
    const sliceSpent = turnSlicer();
    try {
      await fetchHeaderMessages(ctx.client, range, query, { uid: byUid }, (msg) => {
        fetched++;
        lowUid = Math.min(lowUid, msg.uid);
        if (!pinned.has(msg.uid)) {
          const record = toHeaderRecord(msg, mailboxKey, ctx.hasAttachments);
          if (stream) stream.add(record);
          else records.push(record);
        }
        // the window's requests get a turn between slices of parsing (turn-slicer.ts)
        return sliceSpent();
      });
    } catch (error) {
      stream?.abort();
      throw error;
    }
    return { range, records, streamed: stream, fetched, lowUid };
  };

  /** Writes one fetched batch with the sync state it completes, then reports it as added. */
  const writeBatchAndAdvance = async (batch: FetchedBatch, next: typeof state): Promise<void> => {
    if (ctx.writesAfter) await ctx.writesAfter;
    // A streamed batch is written by the header writer thread: this one parses the next FETCH meanwhile.
    let written = batch.streamed ? await batch.streamed.commit(next) : null;
    if (written) store.messages.rowsWrittenElsewhere();
    else if (batch.streamed) {
      // The thread could not write it (it died, or the write failed) and its rows are not kept
      // here: fetch the batch again and write it on the main connection, where a real failure
      // (a full disk) shows with its usual error.
      batch = await fetchRows(batch.range, true, null);
    }
    const { records, fetched } = batch;
    written ??= store.transaction(() => {
      const inserted = store.messages.insertHeaders(box.id, records);
      store.mailboxes.saveSyncState(box.id, next);
      return inserted;
    });
    Object.assign(state, next);
    ctx.changes.added.push(...written);
    done += fetched;
    ctx.onBatch(written, done, total);
  };

  /**
   * An extra connection's FETCH (fetch-thread.ts): parsed and made rows in its thread, which
   * sends them straight to the writer thread when the batch streams there (this thread only
   * hears how many), else hands the records here. Should it fail, what it sent of the batch is
   * dropped, and the batch is fetched again on the work connection.
   */
  const onThread = (thread: FetchThread): SplitConnection<FetchedBatch> => ({
    fetch: async (uids) => {
      const range = toUidSet(uids);
      const stream = streamFor(uids);
      const records: HeaderRecord[] = [];
      try {
        const { count, rows, lowUid } = await thread.fetch({
          range,
          mailboxId: box.id,
          mailboxKey,
          pinned,
          ...(stream ? { writer: stream.port() } : { onRecord: (record) => records.push(record) }),
        });
        stream?.sentElsewhere(rows);
        return { range, records, streamed: stream, fetched: count, lowUid };
      } catch (error) {
        stream?.abort();
        throw error;
      }
    },
    close: () => thread.close(),
  });

  /** A batch large enough for the writer thread streams its rows there, when there is one. */
  const streamFor = (uids: readonly number[]) =>
    uids.length >= WRITER_MIN_ROWS ? store.headerWriter.openBatch(box.id) : null;

  const runDescending = async (uids: number[], after: (batchLow: number, batchHigh: number) => typeof state) => {
    const batches = toBatches(uids, done);
    let pending = batches.length ? fetchRows(toUidSet(batches[0]!), true, streamFor(batches[0]!)) : null;
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b]!;
      const fetched = await pending!;
      // The next FETCH goes out before this batch is written: the server reads and sends it
      // while SQLite writes, instead of waiting for the command after each commit.
      pending = b + 1 < batches.length ? fetchRows(toUidSet(batches[b + 1]!), true, streamFor(batches[b + 1]!)) : null;
      if (pending) {
        // Should the write below fail, the sync stops there; the FETCH in flight just ends.
        pending.catch(() => undefined);
        await commandSent();
      }
      try {
        await writeBatchAndAdvance(fetched, after(batch[batch.length - 1]!, batch[0]!));
      } catch (error) {
        // ... and the rows it streams to the writer thread are dropped there, not kept for good.
        void pending?.then(
          (next) => next.streamed?.abort(),
          () => undefined,
        );
        throw error;
      }
    }
  };

  const extra = ctx.extraFetch;
  /** An extra connection opened while the first screen is fetched; fetchSplit takes it, or it is closed. */
  let earlyExtra: Promise<FetchThread | null> | null = null;
  try {
    if (state.syncedLowUid === null && server.exists > 0 && !ctx.since) {
      // A first sync: the newest messages are the last sequence numbers, so the first screen
      // needs no list of UIDs (with a sync window the SEARCH below picks them by date instead). "n:*" stays valid should messages vanish meanwhile, and what it
      // returns reaches the top, so [its lowest UID, top] is complete once stored.
      total = server.exists;
      const rest = server.exists - FIRST_BATCH;
      // A large rest's extra connection is opened now, beside the first screen's FETCH, rather
      // than after it and the SEARCH: its thread loading imapflow, TLS, login and EXAMINE took a
      // few hundred ms in which it fetched nothing
      if (extra && extra.connections > 0 && rest >= extra.minMessages) {
        earlyExtra = extra.open(box.path, server.uidValidity, query).catch((error: unknown) => {
          extra.log?.(`extra sync connection not opened: ${(error as Error).message}`);
          return null;
        });
      }
      const first = await fetchRows(`${Math.max(1, server.exists - FIRST_BATCH + 1)}:*`, false, null);
      if (first.fetched > 0)
        await writeBatchAndAdvance(first, { ...state, syncedHighUid: top, syncedLowUid: first.lowUid });
      // The header writer thread, which the rest's batches stream to, starts once the first screen
      // is stored (not beside its FETCH, where loading SQLite on a busy two-core machine slowed the
      // first screen: figure b): its 50-100 ms then pass during the SEARCH and the first batch's
      // FETCH, not after them, when that batch's commit waited for it
      if (rest >= WRITER_MIN_ROWS) store.headerWriter.startEarly();
    }
    const firstSync = state.syncedLowUid === null;

    const gap = top - state.syncedHighUid;
    if (!firstSync && !ctx.since && gap > 0 && gap <= BATCH) {
      // A resync's new mail, a gap of one batch at most: one FETCH of the UID range, as a bare
      // client does, not a SEARCH for its UIDs first and then a first batch of 50 and the rest (three
      // round trips for the 100 new messages of bench figure c2). The range ends at the top, never at
      // "*", which would answer the newest stored message when every new one is gone again.
      total = done + gap;
      const range = `${state.syncedHighUid + 1}:${top}`;
      const stream = gap >= WRITER_MIN_ROWS ? store.headerWriter.openBatch(box.id) : null;
      await writeBatchAndAdvance(await fetchRows(range, true, stream), { ...state, syncedHighUid: top });
    }

    // Above what we have: new mail. Below it: the rest of a first sync, or a backfill interrupted.
    const fresh = top > state.syncedHighUid ? await searchUids(ctx, `${state.syncedHighUid + 1}:*`) : [];
    const newer = fresh.filter((uid) => uid > state.syncedHighUid);
    const older = !firstSync && state.syncedLowUid! > 1 ? await searchUids(ctx, `1:${state.syncedLowUid! - 1}`) : [];
    total = done + newer.length + older.length;

    if (newer.length) {
      if (firstSync) {
        // Everything stored is the contiguous top of the mailbox: [batch low, top].
        await runDescending(newer, (low) => ({ ...state, syncedHighUid: top, syncedLowUid: low }));
      } else {
        // The gap above syncedHighUid is complete only when its last (lowest) batch lands.
        const lowestNew = newer[newer.length - 1]!;
        await runDescending(newer, (low) => ({
          ...state,
          syncedHighUid: low === lowestNew ? top : state.syncedHighUid,
        }));
      }
    }
    if (extra && extra.connections > 0 && older.length >= extra.minMessages) {
      // The rest of a first sync, large enough to be worth more connections (split-fetch.ts).
      await fetchSplit<FetchedBatch>({
        batches: toBatches(older, done),
        fetchMain: (uids) => fetchRows(toUidSet(uids), true, streamFor(uids)),
        extraConnections: extra.connections,
        openExtra: async () => {
          const opening = earlyExtra ?? extra.open(box.path, server.uidValidity, query);
          earlyExtra = null;
          const thread = await opening;
          return thread && onThread(thread);
        },
        write: (batch, claimedLow) => writeBatchAndAdvance(batch, { ...state, syncedLowUid: claimedLow }),
        discard: (batch) => batch.streamed?.abort(),
        claimedLow: state.syncedLowUid!,
        log: extra.log,
      });
    } else await runDescending(older, (low) => ({ ...state, syncedLowUid: low }));

    // Everything is here: remember the mailbox as complete, with the state the server announced.
    const complete = {
      ...state,
      syncedHighUid: Math.max(state.syncedHighUid, top),
      syncedLowUid: 1,
      uidValidity: server.uidValidity,
      uidNext: server.uidNext,
    };
    if (ctx.writesAfter) await ctx.writesAfter;
    store.mailboxes.saveSyncState(box.id, complete);
    Object.assign(box.sync, complete);
  } finally {
    closeUnused(earlyExtra);
  }
}
