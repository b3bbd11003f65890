// The core's event fan-out: shells subscribe once and forward to their windows or sockets.
import type { EventName, EventPayload } from '../../shared/contract';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
export type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
