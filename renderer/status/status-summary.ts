// The one line the status area shows: the most urgent thing across all accounts.
// Order: the engine itself out of reach, a password to re-enter, an error, a failed operation, offline, syncing, connecting.
import type { Account, AccountId, AccountStatus, SyncProgress } from '../../shared/domain';

export interface OperationFailure {
  id: number;
  accountId: AccountId;
  kind: string;
  /** Set for failures the engine reports; local ones carry an already translated message. */
  reason?: 'messages-gone' | 'mailbox-recreated' | 'refused' | 'unknown-action';
  count?: number;
  subject?: string;
  message: string;
}

/** The window's own link to the mail engine (see use-engine-connection). */
export type EngineStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export type StatusSummary =
  | { kind: 'engine-offline' }
  | { kind: 'engine-unauthorized' }
  | { kind: 'no-accounts' }
  | { kind: 'idle' }
  | { kind: 'auth-failed'; account: Account; server: string | undefined }
  | { kind: 'error'; account: Account; reason: AccountStatus['reason']; message: string | undefined }
  | { kind: 'operation-failed'; account: Account | undefined; failure: OperationFailure }
  | { kind: 'offline'; account: Account; retryAt: number | undefined }
  | { kind: 'syncing'; account: Account; progress: SyncProgress }
  | { kind: 'connecting'; account: Account };

export function isSyncing(progress: SyncProgress | undefined): progress is SyncProgress {
  return progress !== undefined && progress.total > 0 && progress.done < progress.total;
}

export function summarizeStatus(
  accounts: readonly Account[],
  statuses: ReadonlyMap<AccountId, AccountStatus>,
  progress: ReadonlyMap<AccountId, SyncProgress>,
  failures: readonly OperationFailure[],
  engine: EngineStatus = 'online',
): StatusSummary {
  if (engine === 'unauthorized') return { kind: 'engine-unauthorized' };
  if (engine === 'offline') return { kind: 'engine-offline' };
  if (accounts.length === 0) return { kind: 'no-accounts' };
  const withState = (state: AccountStatus['state']): { account: Account; status: AccountStatus } | undefined => {
    for (const account of accounts) {
      const status = statuses.get(account.id);
      if (status?.state === state) return { account, status };
    }
    return undefined;
  };

  const authFailed = withState('auth-failed');
  if (authFailed) return { kind: 'auth-failed', account: authFailed.account, server: authFailed.status.server };
  const error = withState('error');
  if (error)
    return { kind: 'error', account: error.account, reason: error.status.reason, message: error.status.message };
  const failure = failures.at(-1);
  if (failure) {
    return { kind: 'operation-failed', account: accounts.find((a) => a.id === failure.accountId), failure };
  }
  const offline = withState('offline');
  if (offline) return { kind: 'offline', account: offline.account, retryAt: offline.status.retryAt };
  for (const account of accounts) {
    const current = progress.get(account.id);
    if (isSyncing(current)) return { kind: 'syncing', account, progress: current };
  }
  const connecting = withState('connecting');
  if (connecting) return { kind: 'connecting', account: connecting.account };
  return { kind: 'idle' };
}
