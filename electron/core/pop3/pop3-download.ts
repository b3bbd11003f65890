// One POP3 session's work, on a logged-in client: bring in what is new, then remove from the
// server what the account's options say, then QUIT (which is when the server applies DELE).
//
// UIDL decides what is new, never the message numbers (they change between sessions). New
// messages come newest first in two passes: the headers of the newest few screenfuls (TOP n 0),
// so the list fills at once, then every whole message (RETR), since POP3 cannot fetch one part.
// The older messages' headers are read from their RETR'd bytes instead of a TOP of their own: a
// second trip for every header cost the download a sixth of its time, for rows nobody sees
// before their message is in anyway. A message counts as downloaded only once its bytes are in:
// a TOP'd header is stored with its UIDL and its bytes later under that row; a message that came
// whole is stored with its row and its UIDL in one transaction. A connection cut anywhere leaves
// a header without its message at worst, which the next session downloads; no message is stored
// twice, none is lost, and DELE is never sent for a message whose bytes are not stored here.
//
// The bodies' batches are committed by a writer thread (store/pop3-writer.ts) while this one
// takes the next replies; a message counts as downloaded here (`known`, the list told, progress)
// only once its batch's commit is answered, and a session goes on (or ends, after a cut) only
// once every batch handed over is committed. A batch the thread does not write is written on the
// main connection instead (Pop3Repo.storeDownloadedElsewhere).
//
// A server that reset or renumbered its UIDLs lists known messages under new ones: a new UIDL
// whose header bytes are those of a stored message whose UIDL vanished takes that message over
// instead of downloading it again. Telling them apart needs every header, so a session in which
// UIDLs vanished asks TOP for all of them.
import type { AccountId, MessageId } from '../../../shared/domain';
import { BodyBytes, WholeMessage } from '../store/pop3-batch';
import { pop3Row, type Pop3Known, type Pop3Options, type Pop3Repo, type Pop3WriteBatch } from '../store/pop3-repo';
import type { Pop3Client, Pop3Listing } from './pop3-client';
import { headerHash, pop3HeaderRecord } from './pop3-header';
import { pipeline, type PipelineWindow } from './pop3-pipeline';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Commands in flight at once when the server pipelines; a window, so memory stays bounded. */
export const HEADER_WINDOW = 64;
/**
 * RETRs in flight, and the bytes of their messages (by LIST) at most: enough that the server keeps
 * sending while the engine stores a batch (a store of 200 messages is ~15 ms, in which Dovecot
 * sends a few hundred small ones), few enough that what arrived meanwhile stays a few megabytes.
 */
export const BODY_WINDOW = 1024;
export const BODY_WINDOW_BYTES = 4 * 1024 * 1024;

/** The window RETRs go out in (pop3-pipeline.ts): by count and by the sizes LIST gave. */
export function bodyWindow(client: Pop3Client, sizes: ReadonlyMap<number, number>): PipelineWindow<Pop3Listing> {
  return {
    commands: BODY_WINDOW,
    bytes: BODY_WINDOW_BYTES,
    size: (l) => sizes.get(l.number) ?? 0,
    together: (sendAll) => client.together(sendAll),
  };
}
/** New messages whose headers come first (TOP): a few screenfuls of the list, newest first. */
export const HEADERS_FIRST = 200;
/** Headers stored per transaction: the first batch small so the first rows show at once. */
const FIRST_HEADER_BATCH = 50;
const HEADER_BATCH = 500;
/**
 * Whole messages stored per transaction, or fewer when they add up to this many bytes. A commit
 * costs little (synchronous = NORMAL: the log is synced at checkpoints, not per commit). When
 * batches were written on the main thread, no reply was taken and no RETR sent meanwhile, and
 * 200 kept the server busier than 500 (and held fewer buffers for the collector): measured on the
 * bench's 10,000 messages, the same download took ~8% less CPU.
 */
const BODY_BATCH = 200;
const BODY_BATCH_BYTES = 16 * 1024 * 1024;
/**
 * Batches handed to the writer thread (store/pop3-writer.ts) and not yet committed, at most, while
 * replies are taken: one being written and the next queued behind it, so the thread never waits
 * for this one. A third waits for the oldest before the next reply is taken (the replies keep
 * arriving meanwhile), so what is held here stays a few batches.
 */
const BATCHES_WRITING = 2;

export interface Pop3Progress {
  phase: 'headers' | 'bodies';
  done: number;
  total: number;
}

export interface Pop3DownloadDeps {
  accountId: AccountId;
  repo: Pop3Repo;
  options: Pop3Options;
  /** The clock "remove after N days" reads (tests move it). */
  now(): number;
  progress?(progress: Pop3Progress): void;
  /** New rows are in the Inbox (for messages.changed). */
  stored?(ids: MessageId[]): void;
}

export interface Pop3DownloadResult {
  /** New messages listed (their headers stored). */
  headers: number;
  /** Whole messages stored this session. */
  bodies: number;
  /** Messages a changed UIDL pointed at that were already here. */
  recognised: number;
  /** Messages removed from the server at QUIT. */
  removed: number;
}

export async function downloadMailbox(client: Pop3Client, deps: Pop3DownloadDeps): Promise<Pop3DownloadResult> {
  const { accountId, repo } = deps;
  repo.warmUpWriter();
  const [listing, sizes] = await Promise.all([client.uidl(), client.list()]);
  const known = repo.known(accountId);
  const listed = new Set(listing.map((l) => l.uidl));
  // newest first: POP3 numbers messages in the order they arrived
  const newestFirst = [...listing].sort((a, b) => b.number - a.number);
  const fresh = newestFirst.filter((l) => !known.has(l.uidl));
  const vanished = new Map<string, Pop3Known>();
  for (const k of known.values()) if (!listed.has(k.uidl)) vanished.set(k.headerHash, k);

  // with vanished UIDLs every header is needed first, to recognise renamed messages by it
  const topped = vanished.size > 0 ? fresh.length : Math.min(fresh.length, HEADERS_FIRST);
  const headers = await fetchHeaders(client, fresh.slice(0, topped), sizes, vanished, known, deps);
  const wanted = newestFirst.filter((l) => {
    const k = known.get(l.uidl);
    return k === undefined || (!k.complete && !k.deletedHere);
  });
  const bodies = await repo.withOneCheckpoint(() => fetchBodies(client, wanted, sizes, known, deps));
  const doomed = listing.filter((l) => shouldRemove(known.get(l.uidl), deps.options, deps.now()));
  // the server's copy goes at QUIT: the message must be in the copy outside mail.db first
  if (doomed.length > 0) repo.secureBeforeRemoving();
  for (let i = 0; i < doomed.length; i += BODY_WINDOW)
    await Promise.all(doomed.slice(i, i + BODY_WINDOW).map((l) => client.dele(l.number)));
  await client.quit();
  // only now did the server remove them; the UIDLs that vanished on their own go too
  const renamedFrom = new Set(headers.renamed);
  repo.forget(accountId, [
    ...doomed.map((l) => l.uidl),
    ...[...vanished.values()].map((k) => k.uidl).filter((uidl) => !renamedFrom.has(uidl)),
  ]);
  return {
    headers: headers.stored + bodies.rows,
    bodies: bodies.stored,
    recognised: headers.renamed.length,
    removed: doomed.length,
  };
}

/** Whether the options say a message should leave the server in this session. */
export function shouldRemove(k: Pop3Known | undefined, options: Pop3Options, now: number): boolean {
  if (!k) return false;
  if (options.deleteWhenDeletedHere && k.deletedHere) return true;
  // never before its bytes are here (a header alone is not a copy of the message)
  if (!k.complete) return false;
  if (!options.leaveOnServer) return true;
  return options.deleteAfterDays !== null && now - k.downloadedAt >= options.deleteAfterDays * DAY_MS;
}

async function fetchHeaders(
  client: Pop3Client,
  fresh: Pop3Listing[],
  sizes: Map<number, number>,
  vanished: Map<string, Pop3Known>,
  known: Map<string, Pop3Known>,
  deps: Pop3DownloadDeps,
): Promise<{ stored: number; renamed: string[] }> {
  const renamed: string[] = [];
  let stored = 0;
  let batch: Parameters<Pop3Repo['addHeaders']>[1][number][] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const now = deps.now();
    const ids = deps.repo.addHeaders(deps.accountId, batch, now);
    batch.forEach((h, i) =>
      known.set(h.uidl, {
        uidl: h.uidl,
        messageRow: ids[i] ?? null,
        complete: false,
        deletedHere: false,
        headerHash: h.headerHash,
        downloadedAt: now,
      }),
    );
    stored += batch.length;
    batch = [];
    deps.stored?.(ids);
    deps.progress?.({ phase: 'headers', done: stored + renamed.length, total: fresh.length });
  };
  await pipeline(
    fresh,
    { commands: HEADER_WINDOW, together: (sendAll) => client.together(sendAll) },
    (l) => client.top(l.number, 0),
    (l, top) => {
      const hash = headerHash(top);
      const previous = vanished.get(hash);
      if (previous) {
        // the same message under a new UIDL: keep ours, take the server's new name for it
        vanished.delete(hash);
        deps.repo.renameUidl(deps.accountId, previous.uidl, l.uidl);
        known.set(l.uidl, { ...previous, uidl: l.uidl });
        renamed.push(previous.uidl);
        return;
      }
      const size = sizes.get(l.number) ?? top.length;
      const record = pop3HeaderRecord(top, size, deps.now(), `pop3:${deps.accountId}:${l.uidl}`);
      batch.push({ uidl: l.uidl, headerHash: hash, record });
      if (batch.length >= (stored === 0 ? FIRST_HEADER_BATCH : HEADER_BATCH)) flush();
    },
  );
  flush();
  return { stored, renamed };
}

async function fetchBodies(
  client: Pop3Client,
  wanted: Pop3Listing[],
  sizes: Map<number, number>,
  known: Map<string, Pop3Known>,
  deps: Pop3DownloadDeps,
): Promise<{ stored: number; rows: number }> {
  const { accountId, repo } = deps;
  const inbox = repo.inbox(accountId);
  let stored = 0;
  let rows = 0;
  const empty = (): Pop3WriteBatch => ({ accountId, inbox, now: deps.now(), bodies: [], whole: [] });
  let batch = empty();
  let batchBytes = 0;
  /** Batches handed to the writer and not yet committed, oldest first. */
  const writing: Promise<void>[] = [];
  /** What a batch's commit makes true here: only now is its message known to be downloaded. */
  const committed = (b: Pop3WriteBatch, ids: (MessageId | null)[]) => {
    for (const m of b.bodies) {
      const k = known.get(m.uidl);
      if (k) known.set(m.uidl, { ...k, complete: true });
    }
    b.whole.forEach((m, i) =>
      known.set(m.uidl, {
        uidl: m.uidl,
        messageRow: ids[i] ?? null,
        complete: true,
        deletedHere: false,
        headerHash: m.headerHash,
        downloadedAt: b.now,
      }),
    );
    stored += b.bodies.length + b.whole.length;
    rows += b.whole.length;
    const rowsStored = ids.filter((id) => id !== null);
    if (rowsStored.length) deps.stored?.(rowsStored);
    deps.progress?.({ phase: 'bodies', done: stored, total: wanted.length });
  };
  /** Hands the batch to the writer; with too many on their way, the oldest to wait for before the next reply. */
  const flush = (): Promise<void> | undefined => {
    const b = batch;
    if (b.bodies.length + b.whole.length === 0) return undefined;
    batch = empty();
    batchBytes = 0;
    const write = repo.storeDownloadedElsewhere(b).then((ids) => committed(b, ids));
    write.catch(() => undefined); // waited for below, in order
    writing.push(write);
    return writing.length > BATCHES_WRITING ? writing.shift() : undefined;
  };
  let failure: { error: unknown } | null = null;
  try {
    // each message is stored in order as it arrives; a cut loses only those not yet stored
    await pipeline(
      wanted,
      bodyWindow(client, sizes),
      (l) => client.retr(l.number),
      (l, raw) => {
        // instances of classes, not literals: a batch lives past a scavenge (pop3-batch.ts says why)
        if (known.has(l.uidl)) batch.bodies.push(new BodyBytes(l.uidl, raw));
        else {
          const size = sizes.get(l.number) ?? raw.length;
          const record = pop3HeaderRecord(raw, size, deps.now(), `pop3:${accountId}:${l.uidl}`);
          batch.whole.push(new WholeMessage(l.uidl, headerHash(raw), pop3Row(inbox, record, 0), raw));
        }
        batchBytes += raw.length;
        if (batch.bodies.length + batch.whole.length >= BODY_BATCH || batchBytes >= BODY_BATCH_BYTES) return flush();
        return undefined;
      },
    );
  } catch (error) {
    failure = { error };
  }
  // what arrived before a failure is kept: every batch is committed before the session goes on
  // (or ends), so nothing is written after it and `known` is whole for what follows
  flush();
  const results = await Promise.allSettled(writing.splice(0));
  if (failure) throw failure.error;
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return { stored, rows };
}
