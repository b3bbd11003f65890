// The core's event fan-out: shells subscribe to every event once and forward them to their
// windows or sockets; the core's own parts subscribe to the one event they act on.
import type { EventName, EventPayload } from '../../shared/contract';

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

/**
 * Whether an emitted event is `event`, its payload then that event's: Emit's signature ties
 * every payload to its name, which the compiler cannot follow through a generic listener. The
 * name alone decides, so the payload is only the subject of the answer.
 */
function isPayloadOf<E extends EventName>(event: E, name: EventName, _payload: unknown): _payload is EventPayload<E> {
  return name === event;
}
