// Remote images the engine fetched stay in memory for a while, so going back and forth between
// messages (or a sender's newsletters sharing a logo) does not fetch them again. Bounded by
// size, not count: one image may be megabytes. A refused or failed image is forgotten at once,
// so opening the message again really asks again.
import type { Transport } from '../../shared/contract';
import { safeImageDataUrl } from './message-html';

/** Characters of data: URLs kept per transport (about 36 MB of images). */
const MAX_CACHED_CHARS = 48 * 1024 * 1024;

interface Cache {
  /** In Map order, oldest first: the eviction order. */
  entries: Map<string, Promise<string | null>>;
  /** Sizes of the settled entries. */
  sizes: Map<string, number>;
  total: number;
}

const caches = new WeakMap<Transport, Cache>();

function cacheFor(transport: Transport): Cache {
  let cache = caches.get(transport);
  if (!cache) {
    cache = { entries: new Map(), sizes: new Map(), total: 0 };
    caches.set(transport, cache);
  }
  return cache;
}

function evict(cache: Cache): void {
  for (const url of cache.entries.keys()) {
    if (cache.total <= MAX_CACHED_CHARS) return;
    const size = cache.sizes.get(url);
    if (size === undefined) continue; // still on its way
    cache.entries.delete(url);
    cache.sizes.delete(url);
    cache.total -= size;
  }
}

/** The image as a data: URL from the engine, or null when it was refused or failed. */
export function fetchRemoteImageCached(transport: Transport, url: string): Promise<string | null> {
  const cache = cacheFor(transport);
  const cached = cache.entries.get(url);
  if (cached) {
    cache.entries.delete(url); // re-insert: most recently used last
    cache.entries.set(url, cached);
    return cached;
  }
  const loading = transport.invoke('remote.image', { url }).then(
    (result) => safeImageDataUrl(result.dataUrl),
    () => null, // the image stays out; the text is what matters
  );
  cache.entries.set(url, loading);
  void loading.then((dataUrl) => {
    if (cache.entries.get(url) !== loading) return;
    if (!dataUrl) {
      cache.entries.delete(url);
      return;
    }
    cache.sizes.set(url, dataUrl.length);
    cache.total += dataUrl.length;
    evict(cache);
  });
  return loading;
}
