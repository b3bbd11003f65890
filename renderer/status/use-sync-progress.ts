// Each account's latest sync progress, for the status bar that shows it. Its own hook, called
// by the status bar and not by the app: a first sync reports progress with every batch (dozens a
// second at the start), and held in App's state each report re-rendered the whole window.
import { useState } from 'react';
import type { AccountId, SyncProgress } from '../../shared/domain';
import { useTransportEvent } from '../app/use-transport-event';

export function useSyncProgress(): ReadonlyMap<AccountId, SyncProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<AccountId, SyncProgress>>(new Map());
  useTransportEvent('sync.progress', (update) => {
    setProgress((previous) => new Map(previous).set(update.accountId, update));
  });
  return progress;
}
