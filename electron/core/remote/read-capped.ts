// Reads a response body into memory, but never more than the cap: a server announcing a small
// image and then streaming gigabytes is cut off at the first chunk past the limit.
import { untilAborted } from './abortable';

/** The whole body, or 'too-large' as soon as it passes `maxBytes` (the rest is never read). */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array | 'too-large'> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return 'too-large';
      chunks.push(value);
    }
  } finally {
    // frees the connection when we stop early (cap, abort); a no-op after the end
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
