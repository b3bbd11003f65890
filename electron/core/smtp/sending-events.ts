// Emitting the sending events through the core's Emit. Emit is typed by the contract's event
// names, which include these once contract.ts spreads `sendingEvents` in; until then (and
// harmlessly after) this one cast is the bridge.
import type { SendingEventName, SendingEventPayload } from '../../../shared/contract-sending';
import type { Emit } from '../events';

export type SendingEmit = <E extends SendingEventName>(event: E, payload: SendingEventPayload<E>) => void;

export function sendingEmit(emit: Emit): SendingEmit {
  return emit as unknown as SendingEmit;
}
