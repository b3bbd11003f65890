// Content-Transfer-Encoding decoding over raw bytes. We decode ourselves instead of letting
// imapflow's download() do it because download() also converts charsets with rules we do not
// control, and downloadMany() runs quoted-printable through a UTF-8 string (8-bit bytes in
// broken QP turn into U+FFFD). Everything here works on bytes and never throws: mail is
// full of malformed encodings, and a partial fetch (snippets, capped bodies) cuts sequences.

/**
 * Base64, tolerant: ignores line breaks and junk characters, accepts the URL-safe alphabet,
 * decodes concatenated blocks (padding in the middle), and drops a cut final quantum.
 */
export function decodeBase64(raw: Buffer): Buffer {
  const clean = raw
    .toString('latin1')
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  // Buffer.from stops at the first '=', so each padded block is decoded on its own; a lone
  // sixth of a quantum at the end holds no full byte and Buffer.from ignores it
  const blocks = clean.split(/=+/).filter((block) => block.length > 0);
  return blocks.length === 1
    ? Buffer.from(blocks[0]!, 'base64')
    : Buffer.concat(blocks.map((block) => Buffer.from(block, 'base64')));
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57; // lowercase: not allowed, but common
  return -1;
}

const isBlank = (b: number | undefined): boolean => b === 0x20 || b === 0x09;

/**
 * Quoted-printable (RFC 2045 6.7), tolerant: raw 8-bit bytes pass through unchanged, an '='
 * that starts no valid escape is kept literally, whitespace before a line break is dropped
 * (the rule says a transport may have added it), and an escape cut at the very end is dropped.
 */
export function decodeQuotedPrintable(raw: Buffer): Buffer {
  const out = Buffer.alloc(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b === 0x3d) {
      // soft line break: '=' then optional blanks then CRLF or LF
      let j = i + 1;
      while (isBlank(raw[j])) j++;
      if (raw[j] === 0x0d && raw[j + 1] === 0x0a) {
        i = j + 1;
        continue;
      }
      if (raw[j] === 0x0a) {
        i = j;
        continue;
      }
      if (j >= raw.length) break; // '=' at the end of a cut chunk: a soft break, or half an escape
      const hi = hexValue(raw[i + 1]);
      const lo = hexValue(raw[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
      if (hi >= 0 && i + 2 >= raw.length) break; // '=X' cut at the end
      out[n++] = b;
      continue;
    }
    if (isBlank(b)) {
      // trailing whitespace on a line is transport padding, not content; a run is scanned
      // once (copied or dropped whole) so a long run of blanks stays linear
      let j = i;
      while (isBlank(raw[j])) j++;
      const trailing = raw[j] === 0x0d || raw[j] === 0x0a || j >= raw.length;
      if (!trailing) n += raw.copy(out, n, i, j);
      i = j - 1;
      continue;
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Decodes a part's body by its Content-Transfer-Encoding; unknown encodings pass through. */
export function decodeTransfer(raw: Buffer, encoding: string | null | undefined): Buffer {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === 'base64') return decodeBase64(raw);
  if (name === 'quoted-printable') return decodeQuotedPrintable(raw);
  // 7bit, 8bit, binary and anything unknown: the bytes are the content
  return raw;
}
