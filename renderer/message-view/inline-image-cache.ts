// Inline (cid:) images of recently read messages as data: URLs, each part fetched once: ahead of
// time for the neighbours of the open message (prepare-body.ts) or when a message opens. Kept
// for as many messages as body-cache.ts keeps bodies. A part that failed is asked for again the
// next time its message is opened.
import type { Transport } from '../../shared/contract';
import type { AttachmentInfo, MessageId } from '../../shared/domain';
import { inlineImageDataUrl } from './message-html';

const MAX_MESSAGES = 30;

interface Entry {
  loading: Promise<string | null>;
  settled: boolean;
  /** The data: URL, or null when the part is not an image or could not be fetched. */
  url: string | null;
}

const caches = new WeakMap<Transport, Map<MessageId, Map<string, Entry>>>();

function imagesOf(transport: Transport, messageId: MessageId): Map<string, Entry> {
  let cache = caches.get(transport);
  if (!cache) {
    cache = new Map();
    caches.set(transport, cache);
  }
  let images = cache.get(messageId);
  if (images) {
    cache.delete(messageId); // re-insert: the Map's order is the eviction order
  } else {
    images = new Map();
    while (cache.size >= MAX_MESSAGES) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }
  cache.set(messageId, images);
  return images;
}

/** The image of `contentId` (normalized) from its part, fetched at most once. */
export function loadInlineImage(
  transport: Transport,
  messageId: MessageId,
  contentId: string,
  part: AttachmentInfo,
): Promise<string | null> {
  const images = imagesOf(transport, messageId);
  const cached = images.get(contentId);
  if (cached) return cached.loading;
  const entry: Entry = { loading: Promise.resolve(null), settled: false, url: null };
  entry.loading = transport
    .invoke('message.attachment', { id: messageId, part: part.part })
    .then((data) => inlineImageDataUrl(data.contentType || part.contentType, data.dataBase64))
    .catch(() => null) // the image stays blank; the text is what matters
    .then((url) => {
      entry.settled = true;
      entry.url = url;
      return url;
    });
  images.set(contentId, entry);
  return entry.loading;
}

/** What is known of the image without waiting: undefined while it is on its way (or never asked). */
export function peekInlineImage(
  transport: Transport,
  messageId: MessageId,
  contentId: string,
): string | null | undefined {
  const entry = caches.get(transport)?.get(messageId)?.get(contentId);
  return entry?.settled ? entry.url : undefined;
}

/** Forgets the parts of a message that failed, so that opening it asks for them again. */
export function forgetFailedInlineImages(transport: Transport, messageId: MessageId): void {
  const images = caches.get(transport)?.get(messageId);
  if (!images) return;
  for (const [id, entry] of images) if (entry.settled && entry.url === null) images.delete(id);
}
