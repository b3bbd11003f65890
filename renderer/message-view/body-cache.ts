// Recently opened bodies stay in memory, so going back and forth with j/k never waits.
// A failed read is forgotten at once, so a retry really asks again.
import type { Transport } from '../../shared/contract';
import type { MessageBody, MessageId } from '../../shared/domain';

const MAX_BODIES = 30;
const caches = new WeakMap<Transport, Map<MessageId, Promise<MessageBody>>>();
/** The bodies that have arrived, for painting a cached message in the same frame. */
const arrived = new WeakMap<Transport, Map<MessageId, MessageBody>>();

export function loadMessageBody(transport: Transport, id: MessageId): Promise<MessageBody> {
  let cache = caches.get(transport);
  let bodies = arrived.get(transport);
  if (!cache || !bodies) {
    cache = new Map();
    bodies = new Map();
    caches.set(transport, cache);
    arrived.set(transport, bodies);
  }
  const cached = cache.get(id);
  if (cached) {
    cache.delete(id); // re-insert: the Map's order is the eviction order
    cache.set(id, cached);
    return cached;
  }
  const loading = transport.invoke('message.body', { id });
  cache.set(id, loading);
  const settled = bodies;
  loading.then(
    (body) => cache.get(id) === loading && settled.set(id, body),
    () => cache.delete(id),
  );
  while (cache.size > MAX_BODIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
    settled.delete(oldest);
  }
  return loading;
}

/** The body if it has already arrived (no waiting, not even a microtask). */
export function peekMessageBody(transport: Transport, id: MessageId): MessageBody | undefined {
  return caches.get(transport)?.has(id) ? arrived.get(transport)?.get(id) : undefined;
}
