// Event plumbing both transports share: only the contract's event names reach listeners, and
// one listener throwing does not starve the others.
import { events, type EventName, type EventPayload, type Transport } from '../../shared/contract';

export type EventListener = Parameters<Transport['onEvent']>[0];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export function deliverEvent(listeners: Iterable<EventListener>, name: unknown, payload: unknown): void {
  if (!isEventName(name)) return;
  for (const listener of listeners) {
    try {
      listener(name, payload as EventPayload<EventName>);
    } catch (error) {
      // a broken view must not stop the others from updating; the console keeps the trace
      console.error(`A listener of ${name} failed`, error);
    }
  }
}
