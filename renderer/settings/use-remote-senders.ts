// The senders whose remote images this account always shows: read from the engine, read again
// when the account changes (a sender allowed from the reading pane), and forgotten at once on
// screen, read back from the engine should forgetting fail.
import { useCallback, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';

export function useRemoteSenders(accountId: AccountId): { senders: string[]; forget: (address: string) => void } {
  const transport = useTransport();
  const [senders, setSenders] = useState<string[]>([]);

  const loadSenders = useCallback(() => {
    transport
      .invoke('accounts.remoteSenders', { accountId })
      .then((list) => setSenders(list.map((sender) => sender.address)))
      .catch(() => undefined);
  }, [transport, accountId]);
  useEffect(loadSenders, [loadSenders]);
  useTransportEvent('accounts.changed', (change) => change.accountId === accountId && loadSenders());

  const forget = (address: string) => {
    setSenders((list) => list.filter((item) => item !== address));
    transport.invoke('accounts.forgetRemoteSender', { accountId, address }).catch(loadSenders);
  };
  return { senders, forget };
}
