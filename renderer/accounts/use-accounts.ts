// The accounts and their connection states, kept current by 'account.status' events and read
// again when the engine announces an added, changed or removed account ('accounts.changed').
import { useCallback, useEffect, useState } from 'react';
import type { Account, AccountId, AccountStatus } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { takeFirstAccounts } from '../app/first-screen';
import { useTransportEvent } from '../app/use-transport-event';
import { StatusSnapshots } from './status-snapshot';

export interface AccountsState {
  /** Null until the first answer. */
  accounts: Account[] | null;
  statuses: ReadonlyMap<AccountId, AccountStatus>;
  loadError: unknown;
  reload: () => Promise<void>;
}

export function useAccounts(): AccountsState {
  const transport = useTransport();
  // what main.tsx read before the first render, if it did (app/first-screen.ts)
  const [first] = useState(takeFirstAccounts);
  const [accounts, setAccounts] = useState<Account[] | null>(first?.accounts ?? null);
  const [statuses, setStatuses] = useState<ReadonlyMap<AccountId, AccountStatus>>(
    () => new Map(first?.statuses.map((status) => [status.accountId, status])),
  );
  const [loadError, setLoadError] = useState<unknown>(null);
  // a snapshot read while an account's state changes must not set it back (status-snapshot.ts)
  const [snapshots] = useState(() => new StatusSnapshots());

  const reload = useCallback(async () => {
    const mark = snapshots.mark();
    try {
      const [list, states] = await Promise.all([
        transport.invoke('accounts.list', {}),
        transport.invoke('accounts.status', {}),
      ]);
      setAccounts(list);
      setStatuses(snapshots.merge(states, mark));
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    }
  }, [transport, snapshots]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reload sets state only when the engine answers, not in the effect
    void reload();
  }, [reload]);

  useTransportEvent('accounts.changed', () => void reload());

  useTransportEvent('account.status', (status) => {
    snapshots.hear(status);
    setStatuses((previous) => new Map(previous).set(status.accountId, status));
  });

  return { accounts, statuses, loadError, reload };
}
