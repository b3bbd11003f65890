// Subscribes a component to one event of the contract for as long as it is mounted.
import { useEffect, useRef } from 'react';
import { isPayloadOf, type EventName, type EventPayload } from '../../shared/contract';
import { useTransport } from './app-services';

export function useTransportEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const transport = useTransport();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      transport.onEvent((name, payload) => {
        if (isPayloadOf(event, name, payload)) handlerRef.current(payload);
      }),
    [transport, event],
  );
}
