// The remote images of one message, fetched by the engine a few at a time and never too many:
// a newsletter with hundreds of images (or a message with thousands of distinct tracking URLs)
// must not turn into hundreds of requests, nor into a srcdoc of gigabytes.

/** Distinct remote images fetched per message at most (the engine applies the same cap). */
export const MAX_REMOTE_IMAGES = 50;
/** Requests in flight at once for one message. */
export const REMOTE_IMAGE_CONCURRENCY = 4;
/** Characters of data: URLs put into one message's document at most (about 18 MB of images). */
export const MAX_REMOTE_IMAGE_CHARS = 24 * 1024 * 1024;

export interface RemoteImages {
  /** data: URLs by remote URL. */
  images: ReadonlyMap<string, string>;
  /** Distinct URLs that stay out: refused by the engine, failed, or past a cap. */
  failed: number;
}

/**
 * Loads `urls` through `fetchOne` (null = not loaded). When `signal` aborts (the message was
 * closed) no further request starts; the answer is then incomplete and should be dropped.
 */
export async function loadRemoteImages(
  fetchOne: (url: string) => Promise<string | null>,
  urls: readonly string[],
  signal?: AbortSignal,
): Promise<RemoteImages> {
  const unique = [...new Set(urls)];
  const queue = unique.slice(0, MAX_REMOTE_IMAGES);
  const images = new Map<string, string>();
  let chars = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length && !signal?.aborted) {
      const url = queue[next++]!;
      const dataUrl = await fetchOne(url).catch(() => null);
      if (dataUrl && chars + dataUrl.length <= MAX_REMOTE_IMAGE_CHARS) {
        images.set(url, dataUrl);
        chars += dataUrl.length;
      }
    }
  };
  const workers = Math.max(1, Math.min(REMOTE_IMAGE_CONCURRENCY, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { images, failed: unique.length - images.size };
}
