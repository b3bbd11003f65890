// Storage use per account, where the server reports a quota. Re-read when an account
// comes online (the first answer may predate the first connection).
import { useCallback, useEffect, useState } from 'react';
import type { Account, AccountId, Quota } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';

export function useQuotas(accounts: readonly Account[]): ReadonlyMap<AccountId, Quota> {
  const transport = useTransport();
  const [quotas, setQuotas] = useState<ReadonlyMap<AccountId, Quota>>(new Map());

  const readQuota = useCallback(
    async (accountId: AccountId) => {
      try {
        const quota = await transport.invoke('accounts.quota', { accountId });
        setQuotas((previous) => {
          const next = new Map(previous);
          if (quota) next.set(accountId, quota);
          else next.delete(accountId);
          return next;
        });
      } catch {
        // No quota shown is the right answer while we cannot ask.
      }
    },
    [transport],
  );

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- readQuota sets state only when the engine answers, not in the effect
    for (const account of accounts) void readQuota(account.id);
  }, [accounts, readQuota]);

  useTransportEvent('quota.changed', (quota) => {
    setQuotas((previous) => new Map(previous).set(quota.accountId, quota));
  });
  useTransportEvent('account.status', (status) => {
    if (status.state === 'online') void readQuota(status.accountId);
  });
  return quotas;
}
