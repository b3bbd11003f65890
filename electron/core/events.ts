// The core's event fan-out: shells subscribe to every event once and forward them to their
// windows or sockets; the core's own parts subscribe to the one event they act on.
import { isPayloadOf, type EventName, type EventPayload } from '../../shared/contract';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
export type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  /** Every event (the shells forward them all). Returns a function that unsubscribes. */
  onAny(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One event, its payload typed by the contract. Returns a function that unsubscribes. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    return this.onAny((name, payload) => {
      if (isPayloadOf(event, name, payload)) handler(payload);
    });
  }

  readonly emit: Emit = (event, payload) => {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber must not stop the engine or the other subscribers.
      }
    }
  };
}
