// Recently opened bodies stay in memory, so going back and forth with j/k never waits.
// A failed read is forgotten at once, so a retry really asks again.
import type { Transport } from '../../shared/contract';
import type { MessageBody, MessageId } from '../../shared/domain';

const MAX_BODIES = 30;
const caches = new WeakMap<Transport, Map<MessageId, Promise<MessageBody>>>();

export function loadMessageBody(transport: Transport, id: MessageId): Promise<MessageBody> {
  let cache = caches.get(transport);
  if (!cache) {
    cache = new Map();
    caches.set(transport, cache);
  }
  const cached = cache.get(id);
  if (cached) {
    cache.delete(id); // re-insert: the Map's order is the eviction order
    cache.set(id, cached);
    return cached;
  }
  const loading = transport.invoke('message.body', { id });
  cache.set(id, loading);
  loading.catch(() => cache.delete(id));
  while (cache.size > MAX_BODIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return loading;
}
