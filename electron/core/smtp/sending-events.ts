// The emitter the sending side gets: the core's Emit, narrowed to the sending events, so the
// outbox and drafts code can announce nothing else.
import type { EventPayload } from '../../../shared/contract';
import type { SendingEventName } from '../../../shared/contract-sending';

export type SendingEmit = <E extends SendingEventName>(event: E, payload: EventPayload<E>) => void;
