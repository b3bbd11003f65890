// ISO-2022-JP (RFC 1468, plus the -2 extensions) and ISO-2022-KR (RFC 1557) decoders.
// iconv-lite has no stateful ISO-2022 codecs. Both are 7-bit wrappers around EUC: a two-byte
// JIS X 0208 / KS C 5601 character with the high bit set on each byte IS its EUC-JP /
// EUC-KR form, so each run is re-encoded to EUC and handed to iconv-lite's tables.
// Tolerant on purpose: an unknown escape is skipped, a half character at the end (a snippet
// cut) is dropped, and nothing throws.
import iconv from 'iconv-lite';

type Mode = 'ascii' | 'roman' | 'katakana' | 'jis0208' | 'jis0212' | 'gb2312' | 'ksc5601';

const ESC = 0x1b;

// Escape sequences (after ESC) and the mode each one switches to.
const ESCAPES: [number[], Mode][] = [
  [[0x28, 0x42], 'ascii'], // ESC ( B
  [[0x28, 0x4a], 'roman'], // ESC ( J  JIS X 0201 Roman
  [[0x28, 0x49], 'katakana'], // ESC ( I  JIS X 0201 half-width katakana
  [[0x24, 0x40], 'jis0208'], // ESC $ @  JIS C 6226-1978, decoded with the 0208 table
  [[0x24, 0x42], 'jis0208'], // ESC $ B
  [[0x24, 0x28, 0x44], 'jis0212'], // ESC $ ( D
  [[0x24, 0x41], 'gb2312'], // ESC $ A  (ISO-2022-JP-2)
  [[0x24, 0x28, 0x43], 'ksc5601'], // ESC $ ( C  (ISO-2022-JP-2)
];

function matchEscape(bytes: Buffer, i: number): [Mode | null, number] {
  for (const [seq, mode] of ESCAPES) {
    if (seq.every((b, k) => bytes[i + 1 + k] === b)) return [mode, 1 + seq.length];
  }
  return [null, 1];
}

/** Decodes one run of bytes that share a mode. */
function decodeRun(run: number[], mode: Mode): string {
  switch (mode) {
    case 'ascii':
      return String.fromCharCode(...run);
    case 'roman':
      // JIS Roman differs from ASCII in two places: yen sign and overline (as browsers decode it)
      return run.map((b) => (b === 0x5c ? '\u00a5' : b === 0x7e ? '\u203e' : String.fromCharCode(b))).join('');
    case 'katakana':
      return run.map((b) => (b >= 0x21 && b <= 0x5f ? String.fromCharCode(0xff61 + b - 0x21) : '\ufffd')).join('');
    default: {
      const pairs = run.length - (run.length % 2); // an odd trailing byte is a cut character
      const euc: number[] = [];
      for (let k = 0; k < pairs; k += 2) {
        if (mode === 'jis0212') euc.push(0x8f); // EUC-JP code set 3 prefix
        euc.push(run[k]! | 0x80, run[k + 1]! | 0x80);
      }
      const table = mode === 'gb2312' ? 'gbk' : mode === 'ksc5601' ? 'cp949' : 'eucjp';
      return iconv.decode(Buffer.from(euc), table);
    }
  }
}

/** Decodes ISO-2022-JP (and -JP-1/-JP-2) bytes to a string. */
export function decodeIso2022Jp(bytes: Buffer): string {
  let out = '';
  let mode: Mode = 'ascii';
  let run: number[] = [];
  const flush = (): void => {
    if (run.length) out += decodeRun(run, mode);
    run = [];
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === ESC) {
      flush();
      const [next, length] = matchEscape(bytes, i);
      if (next) mode = next;
      i += length;
      continue;
    }
    if (b === 0x0a || b === 0x0d) {
      // a line end splits no character; the mode carries over, as a line folded inside a
      // kanji run (by a wrapping MTA) continues in JIS X 0208 without a new escape
      flush();
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    run.push(b & 0x7f);
    i++;
  }
  flush();
  return out;
}

/** Decodes ISO-2022-KR: SO (0x0E) shifts to KS C 5601, SI (0x0F) back to ASCII. */
export function decodeIso2022Kr(bytes: Buffer): string {
  let out = '';
  let korean = false;
  let run: number[] = [];
  const flush = (): void => {
    if (run.length) out += decodeRun(run, korean ? 'ksc5601' : 'ascii');
    run = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === ESC && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29 && bytes[i + 3] === 0x43) {
      i += 3; // ESC $ ) C only announces the set; SO/SI do the switching
    } else if (b === 0x0e || b === 0x0f) {
      flush();
      korean = b === 0x0e;
    } else if (b === 0x0a || b === 0x0d) {
      flush();
      out += String.fromCharCode(b);
      korean = false;
    } else {
      run.push(b & 0x7f);
    }
  }
  flush();
  return out;
}
