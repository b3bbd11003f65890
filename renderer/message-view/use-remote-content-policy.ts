// The remote-content policy for the message on screen: the account's default and its allowed
// senders, shared by every message the page shows and kept current by the engine's events.
import { useSyncExternalStore } from 'react';
import type { AccountId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { type RemoteContentPolicy, remoteContentPolicyStore } from './remote-content-prefs';

export interface RemoteContentPolicyState {
  /** Null while the first answer is on its way. */
  policy: RemoteContentPolicy | null;
  allowSender: (accountId: AccountId, sender: string) => Promise<void>;
}

export function useRemoteContentPolicy(): RemoteContentPolicyState {
  const store = remoteContentPolicyStore(useTransport());
  const policy = useSyncExternalStore(store.subscribe, store.current);
  return { policy, allowSender: (accountId, sender) => store.allow(accountId, sender) };
}
