// The account-setup methods and events over the app's one Transport. contract.ts spreads
// accountMethods / accountEvents into the contract, so the Transport carries them like any
// other; this view only narrows the types to that part of the contract.
import { useEffect, useRef } from 'react';
import type { Transport } from '../../shared/contract';
import type {
  AccountEventName,
  AccountEventPayload,
  AccountMethodInput,
  AccountMethodName,
  AccountMethodOutput,
} from '../../shared/contract-accounts';
import { useTransport } from '../app/app-services';

export interface AccountTransport {
  invoke<M extends AccountMethodName>(method: M, input: AccountMethodInput<M>): Promise<AccountMethodOutput<M>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export function accountTransport(transport: Transport): AccountTransport {
  return transport as unknown as AccountTransport;
}

export function useAccountTransport(): AccountTransport {
  return accountTransport(useTransport());
}

/** Subscribes to one account-setup event while the component is mounted. */
export function useAccountEvent<E extends AccountEventName>(
  event: E,
  handler: (payload: AccountEventPayload<E>) => void,
): void {
  const transport = useTransport();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      accountTransport(transport).onEvent((name, payload) => {
        if (name === event) handlerRef.current(payload as AccountEventPayload<E>);
      }),
    [transport, event],
  );
}
