// What the status area reports besides connection states: sync progress per account and
// operations the server refused for good ('operation.failed').
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AccountId, SyncProgress } from '../../shared/domain';
import { useTransportEvent } from '../app/use-transport-event';
import type { OperationFailure } from './status-summary';

export interface SyncActivity {
  progress: ReadonlyMap<AccountId, SyncProgress>;
  failures: readonly OperationFailure[];
  dismissFailure: (id: number) => void;
  /** A failure the UI itself met (an action the core rejected), shown like the core's. */
  reportFailure: (accountId: AccountId, message: string) => void;
}

export function useSyncActivity(): SyncActivity {
  const [progress, setProgress] = useState<ReadonlyMap<AccountId, SyncProgress>>(new Map());
  const [failures, setFailures] = useState<OperationFailure[]>([]);
  const nextId = useRef(1);

  useTransportEvent('sync.progress', (update) => {
    setProgress((previous) => new Map(previous).set(update.accountId, update));
  });
  useTransportEvent('operation.failed', (failure) => {
    const id = nextId.current++;
    setFailures((previous) => [...previous.slice(-4), { id, ...failure }]);
  });

  const dismissFailure = useCallback((id: number) => {
    setFailures((previous) => previous.filter((failure) => failure.id !== id));
  }, []);

  const reportFailure = useCallback((accountId: AccountId, message: string) => {
    const id = nextId.current++;
    setFailures((previous) => [...previous.slice(-4), { id, accountId, kind: 'local', message }]);
  }, []);

  // The same object until something in it changes: the status bar is memoized on it.
  return useMemo(
    () => ({ progress, failures, dismissFailure, reportFailure }),
    [progress, failures, dismissFailure, reportFailure],
  );
}
