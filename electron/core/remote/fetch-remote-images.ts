// All the remote images of one message, a few at a time and never too many: a newsletter with
// hundreds of images (or a hostile message with thousands of distinct URLs) must not turn the
// app into a request cannon. URLs past the cap are refused without a request.
import { fetchRemoteImage, type RemoteImageDeps, type RemoteImageResult } from './fetch-remote-image';

/** Distinct images fetched per message at most. */
export const MAX_IMAGES_PER_MESSAGE = 50;

export interface RemoteImagesOptions extends RemoteImageDeps {
  maxImages?: number;
}

/** Each distinct URL's result, in the order the URLs came. */
export async function fetchRemoteImages(
  urls: readonly string[],
  concurrency = 4,
  options: RemoteImagesOptions = {},
): Promise<Map<string, RemoteImageResult>> {
  const { maxImages = MAX_IMAGES_PER_MESSAGE, ...deps } = options;
  const unique = [...new Set(urls)];
  const queue = unique.slice(0, maxImages);
  const results = new Map<string, RemoteImageResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const url = queue[next++]!;
      results.set(url, await fetchRemoteImage(url, deps));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return new Map(unique.map((url) => [url, results.get(url) ?? { blocked: 'too-many-images' }]));
}
