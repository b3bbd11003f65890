// Maps the charset label a message declares onto the decoder we actually use. Mail in the
// wild mislabels freely, so this follows what browsers do (the WHATWG Encoding Standard):
// a label is resolved to the superset real senders meant, e.g. ISO-8859-1 to windows-1252
// (0x80-0x9F are never C1 controls in mail, they are Outlook's curly quotes and euro sign).
import iconv from 'iconv-lite';

/** 'auto' means: no usable label, guess (UTF-8 if it is valid, windows-1252 otherwise). */
export type CharsetChoice = 'auto' | 'utf-8' | 'iso-2022-jp' | 'iso-2022-kr' | (string & {});

const SUPERSETS: Record<string, string> = {
  // Latin-1 family: labels browsers treat as windows-1252
  latin1: 'windows-1252',
  l1: 'windows-1252',
  iso88591: 'windows-1252',
  iso885911987: 'windows-1252',
  isoir100: 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  csisolatin1: 'windows-1252',
  cp1252: 'windows-1252',
  xcp1252: 'windows-1252',
  windows1252: 'windows-1252',
  iso88599: 'windows-1254',
  latin5: 'windows-1254',
  iso885911: 'windows-874',
  tis620: 'windows-874',
  // CJK: the Microsoft supersets that senders' "standard" labels really contain
  gb2312: 'gbk',
  csgb2312: 'gbk',
  xgbk: 'gbk',
  chinese: 'gbk',
  euccn: 'gbk',
  big5: 'big5hkscs',
  xxbig5: 'big5hkscs',
  cnbig5: 'big5hkscs',
  shiftjis: 'cp932',
  sjis: 'cp932',
  xsjis: 'cp932',
  mskanji: 'cp932',
  windows31j: 'cp932',
  csshiftjis: 'cp932',
  euckr: 'cp949',
  ksc56011987: 'cp949',
  ksc5601: 'cp949',
  windows949: 'cp949',
  // Hebrew "logical order" is the same bytes as visual iso-8859-8
  iso88598i: 'iso-8859-8',
  // UTF-7 under its old registered name
  unicode11utf7: 'utf-7',
};

// Labels that carry no information about the bytes: guess instead of trusting them.
// US-ASCII is here because 8-bit bytes under an ASCII label are common (and are never ASCII).
const MEANINGLESS = new Set([
  '',
  'xunknown',
  'unknown',
  'unknown8bit',
  'xuserdefined',
  'default',
  '8bit',
  '7bit',
  'binary',
  'usascii',
  'ascii',
  'ansix341968',
  'iso646us',
  'us',
  'csascii',
  'none',
]);

/** Strips what senders wrap labels in ("UTF-8", 'utf8', utf-8*en) and the separators. */
function squash(label: string): string {
  return label
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\*.*$/, '') // RFC 2231 language suffix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Resolves a declared charset label to a decoder name, or 'auto' when it is missing or unknown. */
export function normalizeCharset(label: string | null | undefined): CharsetChoice {
  const key = squash(label ?? '');
  if (MEANINGLESS.has(key)) return 'auto';
  if (key === 'utf8' || key === 'unicode11utf8' || key === 'xunicode20utf8') return 'utf-8';
  // iconv-lite has no ISO-2022 stateful decoders: ours handles them (see iso2022.ts)
  if (/^(iso2022jp|csiso2022jp|jis$|xjis|csjisencoding)/.test(key)) return 'iso-2022-jp';
  if (key === 'iso2022kr' || key === 'csiso2022kr') return 'iso-2022-kr';
  const mapped = SUPERSETS[key];
  if (mapped) return mapped;
  const raw = (label ?? '').trim().replace(/^["']|["']$/g, '');
  try {
    if (iconv.encodingExists(raw)) return raw.toLowerCase();
    if (iconv.encodingExists(key)) return key;
  } catch {
    // encodingExists throws on some malformed names in older iconv-lite: treat as unknown
  }
  return 'auto';
}
