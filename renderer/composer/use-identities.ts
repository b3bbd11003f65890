// The identities of every account, for the From picker: read once when the composer opens
// (they change only in the settings, which are closed while writing).
import { useEffect, useState } from 'react';
import { isMethodName } from '../../shared/contract';
import type { Identity } from '../../shared/contract-identities';
import { useTransport } from '../app/app-services';

export function useIdentities(): readonly Identity[] {
  const transport = useTransport();
  const [identities, setIdentities] = useState<readonly Identity[]>([]);
  useEffect(() => {
    if (!isMethodName('identities.list')) return;
    let live = true;
    transport
      .invoke('identities.list', {})
      .then((found) => live && setIdentities(found))
      .catch(() => undefined); // the accounts' own addresses still are offered
    return () => void (live = false);
  }, [transport]);
  return identities;
}

/** The picker's value for an account's own address ('' identity) or one of its identities. */
export function fromChoice(accountId: string, identityEmail: string): string {
  return `${accountId}\n${identityEmail.toLowerCase()}`;
}

export function parseFromChoice(value: string): { accountId: string; from: string } {
  const [accountId = '', from = ''] = value.split('\n');
  return { accountId, from };
}
