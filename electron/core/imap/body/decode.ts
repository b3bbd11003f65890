// Bytes of a text part (already transfer-decoded) to a JS string, whatever the label says.
// Never throws and never drops the text: a label we cannot use means "guess", and the guess
// is UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise (every byte maps to a
// character there, so mislabelled Latin-1 mail still reads correctly).
import iconv from 'iconv-lite';
import { normalizeCharset } from './charset';
import { decodeIso2022Jp, decodeIso2022Kr } from './iso2022';

export { decodeTransfer, decodeBase64, decodeQuotedPrintable } from './transfer';
export { normalizeCharset } from './charset';

export interface DecodeTextOptions {
  /**
   * The bytes are a prefix of the part (a partial FETCH): a multi-byte character cut at the
   * end is dropped instead of being taken as proof the bytes are not UTF-8.
   */
  truncated?: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lossyUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** How many bytes at the end form an incomplete UTF-8 sequence (0 when none). */
function cutUtf8Tail(bytes: Buffer): number {
  // a sequence is at most 4 bytes: look back at most 3 for its lead byte
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte, keep looking for the lead
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Counts replacement characters and other non-ASCII characters (a loop: no match arrays). */
function countNonAscii(text: string): { replaced: number; multibyte: number } {
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code >= 0x80) multibyte++;
  }
  return { replaced, multibyte };
}

/** UTF-8 if valid; else lossy UTF-8 when most of it clearly is UTF-8; else windows-1252. */
function decodeGuess(bytes: Buffer): string {
  const valid = tryUtf8(bytes);
  if (valid !== null) return valid;
  // Real UTF-8 with a few damaged bytes still contains valid multi-byte characters, while
  // Latin-1 text almost never forms one by accident: that decides between the two.
  const lossy = lossyUtf8.decode(bytes);
  const { replaced, multibyte } = countNonAscii(lossy);
  if (multibyte > replaced * 2) return lossy;
  return iconv.decode(bytes, 'windows-1252');
}

function decodeLabelled(bytes: Buffer, charset: string): string {
  switch (charset) {
    case 'auto':
      return decodeGuess(bytes);
    case 'utf-8':
      // a UTF-8 label on Latin-1 bytes is a common sender bug: the guess handles both
      return decodeGuess(bytes);
    case 'iso-2022-jp':
      // 8-bit bytes are never ISO-2022-JP: it is Shift_JIS or UTF-8 under the wrong label
      if (bytes.some((b) => b >= 0x80)) return tryUtf8(bytes) ?? iconv.decode(bytes, 'cp932');
      return decodeIso2022Jp(bytes);
    case 'iso-2022-kr':
      return decodeIso2022Kr(bytes);
    default:
      return iconv.decode(bytes, charset, { stripBOM: true });
  }
}

/**
 * The charset an HTML document declares in its first KB: <meta charset="x"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=x">. Null when none.
 */
export function sniffHtmlCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1] ?? null;
}

/**
 * The charset to decode a part with: its label, except that HTML without a usable one
 * (Dovecot reports "us-ascii" when there is none) goes by its own <meta>, as in a browser.
 */
export function partCharset(type: string, charset: string | null, bytes: Buffer): string | null {
  if (type !== 'text/html' || normalizeCharset(charset) !== 'auto') return charset;
  return sniffHtmlCharset(bytes) ?? charset;
}

/** Decodes a text part's bytes to a string; `charset` is the declared label, if any. */
export function decodeText(bytes: Buffer, charset: string | null | undefined, options: DecodeTextOptions = {}): string {
  const choice = normalizeCharset(charset);
  let input = bytes;
  if (options.truncated) {
    if (choice === 'auto' || choice === 'utf-8') input = input.subarray(0, input.length - cutUtf8Tail(input));
    if (/^utf-?16/.test(choice) && input.length % 2) input = input.subarray(0, input.length - 1);
  }
  let text: string;
  try {
    text = decodeLabelled(input, choice);
  } catch {
    // iconv-lite should not throw on bad bytes; if a codec ever does, the guess still reads
    text = decodeGuess(input);
  }
  // a BOM is not content; a cut multi-byte character in a legacy charset decodes to U+FFFD
  text = text.replace(/^\ufeff/, '');
  return options.truncated ? text.replace(/\ufffd+$/, '') : text;
}
