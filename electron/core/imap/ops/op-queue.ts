// Replays an account's pending operations against the server, oldest first. An op that can no
// longer apply (its messages are gone, its mailbox was recreated) is dropped and reported; a
// network failure stops the replay and leaves the rest queued for the next connection.
import type { ImapFlow } from 'imapflow';
import type { AccountId } from '../../../../shared/domain';
import type { Store } from '../../store/store';
import { classifyImapError } from '../errors';
import { UidValidityChangedError } from './operation';
import { operations } from './registry';

export interface DroppedOp {
  kind: string;
  reason: 'messages-gone' | 'mailbox-recreated' | 'refused' | 'unknown-action';
  count?: number;
  message: string;
}

export interface ReplayReport {
  replayed: number;
  dropped: DroppedOp[];
  /** Mailbox ids whose contents the replay changed on the server (to resync soon). */
  touchedPaths: Set<string>;
}

const MAX_ATTEMPTS = 5;

export async function replayPendingOps(
  client: ImapFlow,
  store: Store,
  accountId: AccountId,
  host: string,
): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, dropped: [], touchedPaths: new Set() };
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
    try {
      const { missing } = await operation.replay(client, store, op.payload);
      store.pendingOps.done(op.id);
      report.replayed++;
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
        operation.discard?.(store, op.payload, accountId);
        store.pendingOps.done(op.id);
        report.dropped.push({ kind: op.kind, reason: 'mailbox-recreated', message: error.message });
        continue;
      }
      const failure = classifyImapError(error, host);
      if (failure.kind === 'network') throw error; // keep it queued; the connection loop retries
      store.pendingOps.failedAttempt(op.id, failure.message);
      if (op.attempts + 1 >= MAX_ATTEMPTS) {
        operation.discard?.(store, op.payload, accountId);
        store.pendingOps.done(op.id);
        report.dropped.push({
          kind: op.kind,
          reason: 'refused',
          message: `The server refused the action: ${failure.message}`,
        });
      } else {
        // Keep order: later ops may depend on this one.
        throw error;
      }
    }
  }
  return report;
}

function pathsOf(payload: unknown): string[] {
  const p = payload as { target?: { path: string }; source?: { path: string }; toPath?: string };
  return [p.target?.path, p.source?.path, p.toPath].filter((x): x is string => typeof x === 'string');
}
