// A message's raw source as text, for the reader's "Show source" when no part can be shown.

/** Enough to see what a message is; the rest of a huge one stays on the server. */
export const MAX_SHOWN_SOURCE_BYTES = 1024 * 1024;

/** UTF-8 when the bytes are UTF-8, else Latin-1 (every byte a character: nothing is lost). */
export function sourceText(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}
