// The core's event hub: a part of the core subscribes to one event with `on` and gets that
// event's payload, typed by the contract, without a cast; shells take every event with onAny.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { EventHub } from '../../electron/core/events';

const status: EventPayload<'account.status'> = { accountId: 'a1', state: 'online' };
const progress: EventPayload<'sync.progress'> = { accountId: 'a1', mailbox: 'INBOX', done: 1, total: 2 };

describe('EventHub', () => {
  it('hands a subscriber of one event only that event, with its payload type', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.on('account.status', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<EventPayload<'account.status'>>();
      seen.push(payload.state);
    });
    hub.emit('sync.progress', progress);
    hub.emit('account.status', status);
    expect(seen).toEqual(['online']);
  });

  it('hands every event to onAny, in the order subscribers came', () => {
    const hub = new EventHub();
    const order: string[] = [];
    hub.on('sync.progress', () => order.push('core'));
    hub.onAny((event) => order.push(`shell:${event}`));
    hub.emit('sync.progress', progress);
    hub.emit('account.status', status);
    expect(order).toEqual(['core', 'shell:sync.progress', 'shell:account.status']);
  });

  it('stops after unsubscribing, and a throwing subscriber does not stop the others', () => {
    const hub = new EventHub();
    const seen: number[] = [];
    const off = hub.on('sync.progress', ({ done }) => seen.push(done));
    hub.on('sync.progress', () => {
      throw new Error('broken subscriber');
    });
    hub.on('sync.progress', ({ total }) => seen.push(total));
    hub.emit('sync.progress', progress);
    off();
    hub.emit('sync.progress', { ...progress, done: 5, total: 6 });
    expect(seen).toEqual([1, 2, 6]);
  });
});
