// What the status area reports besides connection states and sync progress (use-sync-progress.ts,
// which the status bar reads itself): operations the server refused for good ('operation.failed').
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AccountId } from '../../shared/domain';
import { useTransportEvent } from '../app/use-transport-event';
import type { OperationFailure } from './status-summary';

export interface SyncActivity {
  failures: readonly OperationFailure[];
  dismissFailure: (id: number) => void;
  /** A failure the UI itself met (an action the core rejected), shown like the core's. */
  reportFailure: (accountId: AccountId, message: string) => void;
}

export function useSyncActivity(): SyncActivity {
  const [failures, setFailures] = useState<OperationFailure[]>([]);
  const nextId = useRef(1);

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
  return useMemo(() => ({ failures, dismissFailure, reportFailure }), [failures, dismissFailure, reportFailure]);
}
