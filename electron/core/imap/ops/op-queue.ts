// Replays an account's pending operations against the server, oldest first. An op that can no
// longer apply (its messages are gone, its mailbox was recreated, the server answered for good)
// is dropped and reported with its message's subject. A refusal that may pass (a busy server, a
// lock, a rate limit) keeps the op and backs off for that op; later ops wait behind it, since
// they may depend on it. A network failure stops the replay and leaves the rest queued for the
// next connection. What counts as "for good" is replay-failure.ts's table.
import type { ImapFlow } from 'imapflow';
import type { AccountId, MessageId } from '../../../../shared/domain';
import { backoffDelay, type BackoffOptions } from '../../net/backoff';
import type { PendingOp } from '../../store/pending-ops-repo';
import type { Store } from '../../store/store';
import { classifyImapError } from '../errors';
import { UidValidityChangedError, type UidTarget } from './operation';
import { operations } from './registry';
import { classifyReplayFailure } from './replay-failure';

export interface DroppedOp {
  kind: string;
  reason: 'messages-gone' | 'mailbox-recreated' | 'refused' | 'unknown-action';
  count?: number;
  /** The subject of (the first) message the action was for, so the user knows which. */
  subject?: string;
  message: string;
}

export interface ReplayReport {
  replayed: number;
  dropped: DroppedOp[];
  /** Mailbox ids whose contents the replay changed on the server (to resync soon). */
  touchedPaths: Set<string>;
  /** An op is backing off: the replay goes on at this time (ms since epoch). */
  waitUntil: number | null;
  /** A folder op ran or was dropped: the folder tree is to be listed again. */
  treeChanged: boolean;
}

export interface ReplayOptions {
  /** When each op may be tried again, by op id; kept by the caller across replays. */
  notBefore: Map<number, number>;
  retry?: BackoffOptions;
  now?: () => number;
}

/** 5 s doubling to 10 min: a server that is busy for an hour sees a dozen tries, not thousands. */
export const DEFAULT_OP_RETRY: BackoffOptions = { baseMs: 5_000, maxMs: 10 * 60_000 };
/** A refusal with no code we know is given up after this many tries (about half an hour, with the backoff). */
const MAX_UNKNOWN_ATTEMPTS = 10;

export async function replayPendingOps(
  client: ImapFlow,
  store: Store,
  accountId: AccountId,
  host: string,
  options: ReplayOptions = { notBefore: new Map() },
): Promise<ReplayReport> {
  const now = options.now ?? Date.now;
  const retry = options.retry ?? DEFAULT_OP_RETRY;
  const report: ReplayReport = {
    replayed: 0,
    dropped: [],
    touchedPaths: new Set(),
    waitUntil: null,
    treeChanged: false,
  };
  for (const op of store.pendingOps.list(accountId)) {
    const operation = operations[op.kind];
    if (!operation) {
      store.pendingOps.done(op.id);
      report.dropped.push({
        kind: op.kind,
        reason: 'unknown-action',
        message: `Unknown queued action "${op.kind}" was dropped.`,
      });
      continue;
    }
    const due = options.notBefore.get(op.id);
    if (due !== undefined && due > now()) {
      report.waitUntil = due;
      return report; // keep order: later ops may depend on this one
    }
    const drop = (reason: DroppedOp['reason'], message: string) => {
      const subject = subjectOf(store, accountId, op);
      operation.discard?.(store, op.payload, accountId);
      store.pendingOps.done(op.id);
      options.notBefore.delete(op.id);
      if (operation.changesTree) report.treeChanged = true;
      report.dropped.push({ kind: op.kind, reason, message, ...(subject !== undefined ? { subject } : {}) });
    };
    store.pendingOps.replayStarted(op.id);
    try {
      const { missing } = await replayWithCreate(client, op, host, () =>
        operation.replay(client, store, op.payload),
      ).finally(() => store.pendingOps.replayEnded(op.id));
      store.pendingOps.done(op.id);
      options.notBefore.delete(op.id);
      report.replayed++;
      if (operation.changesTree) report.treeChanged = true;
      for (const path of pathsOf(op.payload)) report.touchedPaths.add(path);
      if (missing.length)
        report.dropped.push({
          kind: op.kind,
          reason: 'messages-gone',
          count: missing.length,
          message: `${missing.length} message(s) no longer existed on the server; the action was skipped for them.`,
        });
    } catch (error) {
      if (error instanceof UidValidityChangedError) {
        drop('mailbox-recreated', error.message);
        continue;
      }
      const kind = classifyReplayFailure(error, host);
      if (kind === 'network') throw error; // keep it queued; the connection loop retries
      const { message } = classifyImapError(error, host);
      if (kind === 'definitive' || kind === 'try-create') {
        drop('refused', `The server refused the action for good: ${message}`);
        continue;
      }
      store.pendingOps.failedAttempt(op.id, message);
      if (kind === 'unknown' && op.attempts + 1 >= MAX_UNKNOWN_ATTEMPTS) {
        drop('refused', `The server kept refusing the action: ${message}`);
        continue;
      }
      const at = now() + backoffDelay(op.attempts, retry);
      options.notBefore.set(op.id, at);
      report.waitUntil = at;
      return report;
    }
  }
  return report;
}

/** TRYCREATE: the target folder is missing. Create it and try once more; a second refusal stands. */
async function replayWithCreate<T>(client: ImapFlow, op: PendingOp, host: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const target = (op.payload as { toPath?: unknown }).toPath;
    if (classifyReplayFailure(error, host) !== 'try-create' || typeof target !== 'string') throw error;
    await client.mailboxCreate(target).catch(() => undefined);
    return run();
  }
}

/** The subject of the first message an op is about, from the cache (before discard moves it back). */
function subjectOf(store: Store, accountId: AccountId, op: PendingOp): string | undefined {
  const p = op.payload as { idsByUid?: [number, MessageId][]; target?: UidTarget; source?: UidTarget };
  let ids: MessageId[] = (p.idsByUid ?? []).map(([, id]) => id);
  const where = p.target ?? p.source;
  if (ids.length === 0 && where) {
    const box = store.mailboxes.byPath(accountId, where.path);
    const byUid = box ? store.messages.uids(box.id) : new Map<number, MessageId>();
    ids = where.uids.map((uid) => byUid.get(uid)).filter((id): id is MessageId => id !== undefined);
  }
  return ids.length ? store.messages.get(ids.slice(0, 1))[0]?.subject : undefined;
}

function pathsOf(payload: unknown): string[] {
  const p = payload as { target?: { path: string }; source?: { path: string }; toPath?: string };
  return [p.target?.path, p.source?.path, p.toPath].filter((x): x is string => typeof x === 'string');
}
