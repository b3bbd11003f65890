import iconv from 'iconv-lite';

/**
 * Small, fast MIME encoders for building test messages from templates.
 * Hand-written on purpose: the point of the samples is to hold bytes that
 * the client's decoder (mailparser) must get right, so they must not be
 * produced by that same library.
 */

export const CRLF = '\r\n';

/** RFC 2047 "B" encoded word(s); long text is split without cutting a character. */
export function encodeWordB(text: string, charset = 'UTF-8'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of payload -> 60 base64 chars: the word stays under 75.
    if (chunk && encodeCharset(chunk + ch, charset).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?${charset}?B?${encodeCharset(w, charset).toString('base64')}?=`).join(`${CRLF} `);
}

/** RFC 2047 "Q" encoded word for single-byte charsets (Latin-1 and friends). */
export function encodeWordQ(text: string, charset: string): string {
  const bytes = encodeCharset(text, charset);
  let out = '';
  for (const b of bytes) {
    if (b === 0x20) out += '_';
    else if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))
      out += String.fromCharCode(b);
    else out += `=${hex(b)}`;
  }
  return `=?${charset}?Q?${out}?=`;
}

/** "Display Name" <address>, the name encoded when it is not plain ASCII. */
export function formatAddress(a: { name: string; address: string }, charset = 'UTF-8'): string {
  if (!a.name) return a.address;
  const name = /^[\x20-\x7e]*$/.test(a.name) ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : encodeWordB(a.name, charset);
  return `${name} <${a.address}>`;
}

/**
 * Quoted-printable body (RFC 2045): 76-column lines, CRLF hard breaks.
 * Lines of plain ASCII (most of any HTML) are cut into slices instead of
 * being encoded byte by byte: populating 50,000 messages spends much of its
 * time here.
 */
export function encodeQuotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    // A CR belongs to the line break only when an LF follows it.
    encodeQpLine(bytes, start, nl !== -1 && end > start && bytes[end - 1] === 0x0d ? end - 1 : end, lines);
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines.join(CRLF);
}

function encodeQpLine(bytes: Buffer, start: number, end: number, out: string[]): void {
  let plain = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b > 0x7e || b === 0x3d || (b < 0x20 && b !== 0x09)) {
      plain = false;
      break;
    }
  }
  const last = end > start ? bytes[end - 1] : undefined;
  if (plain && last !== 0x20 && last !== 0x09) {
    const text = bytes.toString('latin1', start, end);
    for (let k = 0; k < text.length || k === 0; k += 75) {
      out.push(k + 75 < text.length ? `${text.slice(k, k + 75)}=` : text.slice(k, k + 75));
    }
    return;
  }
  let line = '';
  for (let i = start; i < end; i++) {
    const token = QP_TOKENS[bytes[i]!]!;
    if (line.length + token.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += token;
  }
  out.push(endLine(line));
}

/** Each byte as it appears in quoted-printable (literal or =XX). */
const QP_TOKENS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20 || b === 0x09 ? String.fromCharCode(b) : `=${hex(b)}`,
);

// Trailing whitespace before a line break must be encoded (RFC 2045 6.7 (3)).
function endLine(line: string): string {
  const last = line.at(-1);
  if (last !== ' ' && last !== '\t') return line;
  const encoded = `=${hex(last.charCodeAt(0))}`;
  const head = line.slice(0, -1);
  return head.length + encoded.length > 76 ? `${head}=${CRLF}${encoded}` : `${head}${encoded}`;
}

/** base64 body in 76-column lines. */
export function encodeBase64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** RFC 2231 parameter for non-ASCII filenames: filename*=UTF-8''... */
export function rfc2231(name: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `${name}="${value}"`;
  const enc = [...Buffer.from(value, 'utf8')]
    .map((b) => (/[A-Za-z0-9.\-_]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(b)}`))
    .join('');
  return `${name}*=UTF-8''${enc}`;
}

/**
 * Text to bytes in `charset`. ISO-2022-JP is not in iconv-lite, so it is
 * derived from EUC-JP: both carry JIS X 0208; EUC-JP sets the high bit of
 * each byte, ISO-2022-JP clears it and brackets the run with ESC $ B /
 * ESC ( B. (No half-width katakana: the sample texts avoid them.)
 */
export function encodeCharset(text: string, charset: string): Buffer {
  const cs = charset.toLowerCase();
  if (cs === 'utf-8' || cs === 'us-ascii') return Buffer.from(text, 'utf8');
  if (cs !== 'iso-2022-jp') return iconv.encode(text, cs);
  const euc = iconv.encode(text, 'euc-jp');
  const out: number[] = [];
  let kanji = false;
  for (let i = 0; i < euc.length; i++) {
    const b = euc[i]!;
    if (b >= 0xa1 && b <= 0xfe) {
      if (!kanji) out.push(0x1b, 0x24, 0x42);
      kanji = true;
      out.push(b & 0x7f, euc[++i]! & 0x7f);
    } else {
      if (b >= 0x80) throw new Error(`ISO-2022-JP: unsupported character in ${JSON.stringify(text)}`);
      if (kanji) out.push(0x1b, 0x28, 0x42);
      kanji = false;
      out.push(b);
    }
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** RFC 5322 date-time, always in UTC ("+0000"). */
export function formatDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`
  );
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}

/** Small deterministic PRNG (mulberry32): same seed, same messages. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` deterministic pseudo-random bytes. */
export function randomBytes(seed: number, length: number): Buffer {
  const next = prng(seed);
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}
