// decodeText and the transfer decoders. Byte fixtures are written out by hand (not produced
// by the decoder's own library) so a wrong table or label mapping cannot hide.
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeQuotedPrintable,
  decodeText,
  decodeTransfer,
  normalizeCharset,
  partCharset,
  sniffHtmlCharset,
} from '../../electron/core/imap/body/decode';

const bytes = (...values: number[]): Buffer => Buffer.from(values);
const RAKSMORGAS_1252 = bytes(0x52, 0xe4, 0x6b, 0x73, 0x6d, 0xf6, 0x72, 0x67, 0xe5, 0x73);
// "こんにちは、日本語" in ISO-2022-JP: ESC $ B ... ESC ( B around the JIS X 0208 run
const ESC = 0x1b;
// prettier-ignore
const KONNICHIWA_JIS = bytes(
  ESC, 0x24, 0x42,
  0x24, 0x33, 0x24, 0x73, 0x24, 0x4b, 0x24, 0x41, 0x24, 0x4f, 0x21, 0x22, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c,
  ESC, 0x28, 0x42,
);

describe('decodeText: declared charsets', () => {
  it.each([
    ['windows-1252', RAKSMORGAS_1252, 'Räksmörgås'],
    ['ISO-8859-1', RAKSMORGAS_1252, 'Räksmörgås'],
    ['iso-8859-1', bytes(0x80, 0x20, 0x93, 0x71, 0x94), '€ “q”'], // latin1 label, cp1252 bytes
    ['latin1', RAKSMORGAS_1252, 'Räksmörgås'],
    ['ISO_8859-1', RAKSMORGAS_1252, 'Räksmörgås'],
    ['"cp1252"', RAKSMORGAS_1252, 'Räksmörgås'],
    ['iso-8859-15', bytes(0xa4), '€'],
    ['iso-8859-2', bytes(0xb1, 0xe6), 'ąć'],
    ['koi8-r', bytes(0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4), 'Привет'],
    ['windows-1251', bytes(0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2), 'Привет'],
    ['gb2312', bytes(0xd6, 0xd0, 0xce, 0xc4), '中文'],
    ['GBK', bytes(0xd6, 0xd0, 0xce, 0xc4), '中文'],
    ['big5', bytes(0xa4, 0xa4, 0xa4, 0xe5), '中文'],
    ['shift_jis', bytes(0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd), 'こんにちは'],
    ['euc-jp', bytes(0xa4, 0xb3, 0xa4, 0xf3), 'こん'],
    ['euc-kr', bytes(0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee), '한국어'],
    ['ks_c_5601-1987', bytes(0xc7, 0xd1), '한'],
    ['ISO-2022-JP', KONNICHIWA_JIS, 'こんにちは、日本語'],
    ['utf-8', Buffer.from('Räksmörgås ✓ 😀'), 'Räksmörgås ✓ 😀'],
    ['utf8', Buffer.from('Räksmörgås'), 'Räksmörgås'],
    ['UTF-16', bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00), 'Hi'],
    ['utf-16be', bytes(0x00, 0x48, 0x00, 0x69), 'Hi'],
    ['utf-16le', bytes(0x48, 0x00, 0x69, 0x00), 'Hi'],
    ['utf-7', Buffer.from('Hi +AOQ-'), 'Hi ä'],
    ['us-ascii', Buffer.from('plain'), 'plain'],
  ])('%s', (charset, input, expected) => {
    expect(decodeText(input, charset)).toBe(expected);
  });

  it('ISO-2022-JP with half-width katakana, JIS Roman and a line break inside', () => {
    // prettier-ignore
    const input = bytes(
      0x41, ESC, 0x28, 0x49, 0x31, 0x32, ESC, 0x28, 0x4a, 0x5c, 0x0d, 0x0a,
      ESC, 0x24, 0x42, 0x46, 0x7c, ESC, 0x28, 0x42, 0x21,
    );
    expect(decodeText(input, 'iso-2022-jp')).toBe('Aｱｲ¥\r\n日!');
  });

  it('ISO-2022-JP cut in the middle of a character drops the half', () => {
    const cut = KONNICHIWA_JIS.subarray(0, 6); // ESC $ B, one char, half a char
    expect(decodeText(cut, 'iso-2022-jp', { truncated: true })).toBe('こ');
  });

  it('ISO-2022-JP label on 8-bit bytes is really Shift_JIS (or UTF-8)', () => {
    expect(decodeText(bytes(0x82, 0xb1, 0x82, 0xf1), 'iso-2022-jp')).toBe('こん');
    expect(decodeText(Buffer.from('こん'), 'iso-2022-jp')).toBe('こん');
  });

  it('ISO-2022-KR', () => {
    const input = bytes(ESC, 0x24, 0x29, 0x43, 0x41, 0x0e, 0x47, 0x51, 0x0f, 0x42);
    expect(decodeText(input, 'iso-2022-kr')).toBe('A한B');
  });

  it('strips a byte order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), 'utf-8')).toBe('hi');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69), undefined)).toBe('hi');
  });
});

describe('decodeText: missing, unknown or lying labels', () => {
  it.each([undefined, null, '', 'x-unknown', 'x-foo', 'unknown-8bit', 'default', 'utf-99'])(
    'guesses UTF-8 for valid UTF-8 under %s',
    (charset) => {
      expect(decodeText(Buffer.from('Räksmörgås 日本'), charset)).toBe('Räksmörgås 日本');
    },
  );

  it.each([undefined, 'x-unknown', 'x-foo', 'us-ascii', 'utf-8'])(
    'falls back to windows-1252 for Latin-1 bytes under %s',
    (charset) => {
      expect(decodeText(RAKSMORGAS_1252, charset)).toBe('Räksmörgås');
    },
  );

  it('keeps mostly-UTF-8 text with one damaged byte as UTF-8', () => {
    const damaged = Buffer.concat([Buffer.from('Grüße aus Köln – schön '), bytes(0xff), Buffer.from(' 日本')]);
    expect(decodeText(damaged, 'utf-8')).toBe('Grüße aus Köln – schön \ufffd 日本');
  });

  it('never throws and never loses text on garbage', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const charset of [
      undefined,
      'utf-8',
      'iso-2022-jp',
      'iso-2022-kr',
      'shift_jis',
      'utf-16',
      'x-foo',
      'utf-7',
      '\u0000',
    ]) {
      const text = decodeText(garbage, charset);
      expect(typeof text).toBe('string');
      expect(text.length).toBeGreaterThan(0);
    }
    expect(decodeText(Buffer.alloc(0), 'utf-8')).toBe('');
  });

  it('truncated UTF-8 prefix: a cut multi-byte character is dropped, not taken for Latin-1', () => {
    const full = Buffer.from('Grüße 日本');
    const cut = full.subarray(0, full.length - 1); // last char cut after 2 of 3 bytes
    expect(decodeText(cut, 'utf-8', { truncated: true })).toBe('Grüße 日');
    expect(decodeText(cut, undefined, { truncated: true })).toBe('Grüße 日');
    const emoji = Buffer.from('a😀');
    expect(decodeText(emoji.subarray(0, 3), 'utf-8', { truncated: true })).toBe('a');
  });

  it('truncated legacy multi-byte prefix drops the replacement character', () => {
    const cut = bytes(0x82, 0xb1, 0x82); // こ + half
    expect(decodeText(cut, 'shift_jis', { truncated: true })).toBe('こ');
    expect(decodeText(bytes(0xff, 0xfe, 0x48, 0x00, 0x69), 'utf-16', { truncated: true })).toBe('H');
  });
});

describe('normalizeCharset', () => {
  it.each([
    ['latin1', 'windows-1252'],
    ['ISO_8859-1', 'windows-1252'],
    ['iso-8859-1', 'windows-1252'],
    ['cp1252', 'windows-1252'],
    ['utf8', 'utf-8'],
    ['"UTF-8"', 'utf-8'],
    ['utf-8*en', 'utf-8'],
    ['x-unknown', 'auto'],
    ['us-ascii', 'auto'],
    ['x-foo', 'auto'],
    [undefined, 'auto'],
    ['gb2312', 'gbk'],
    ['Shift_JIS', 'cp932'],
    ['ISO-2022-JP-2', 'iso-2022-jp'],
    ['csISO2022JP', 'iso-2022-jp'],
    ['koi8-r', 'koi8-r'],
  ])('%s -> %s', (label, expected) => {
    expect(normalizeCharset(label)).toBe(expected);
  });
});

describe('decodeTransfer', () => {
  it('base64 with line breaks, junk and missing padding', () => {
    expect(decodeBase64(Buffer.from('UuRr\r\nc232\r\ncmflcw==')).equals(RAKSMORGAS_1252)).toBe(true);
    expect(decodeBase64(Buffer.from('aGVsbG8')).toString()).toBe('hello');
    expect(decodeBase64(Buffer.from('aGVs*bG8=\r\n!!')).toString()).toBe('hello');
  });

  it('base64: concatenated padded blocks and URL-safe alphabet', () => {
    expect(decodeBase64(Buffer.from('aGk=aGk=')).toString()).toBe('hihi');
    expect(decodeBase64(Buffer.from('-_-_')).toString('hex')).toBe(Buffer.from('+/+/', 'base64').toString('hex'));
  });

  it('base64 cut in the middle of a quantum keeps every whole byte', () => {
    expect(decodeBase64(Buffer.from('aGVsbG8gd29y')).toString()).toBe('hello wor');
    expect(decodeBase64(Buffer.from('aGVsbG8gd29yb')).toString()).toBe('hello wor');
    expect(decodeBase64(Buffer.from('aGVsbG8gd29ybA')).toString()).toBe('hello worl');
  });

  it('base64 is byte-exact for every byte value', () => {
    const all = Buffer.from(Array.from({ length: 256 * 4 }, (_, i) => i % 256));
    const encoded = all.toString('base64').replace(/.{76}/g, '$&\r\n');
    expect(decodeTransfer(Buffer.from(encoded), 'BASE64').equals(all)).toBe(true);
  });

  it('quoted-printable: escapes, soft breaks, lowercase hex, trailing blanks', () => {
    expect(decodeQuotedPrintable(Buffer.from('R=E4ksm=F6rg=E5s')).toString('latin1')).toBe('Räksmörgås');
    expect(decodeQuotedPrintable(Buffer.from('long =\r\nline=\nend')).toString()).toBe('long lineend');
    expect(decodeQuotedPrintable(Buffer.from('=c3=a4')).toString()).toBe('ä');
    expect(decodeQuotedPrintable(Buffer.from('a  \r\nb\t\nc')).toString()).toBe('a\r\nb\nc');
    expect(decodeQuotedPrintable(Buffer.from('soft = \r\nbreak')).toString()).toBe('soft break');
    expect(decodeQuotedPrintable(Buffer.from('a b')).toString()).toBe('a b');
  });

  it('quoted-printable: malformed escapes stay literal, 8-bit bytes pass through', () => {
    expect(decodeQuotedPrintable(Buffer.from('1+1=2 and =ZZ and 50=')).toString()).toBe('1+1=2 and =ZZ and 50');
    const raw = Buffer.concat([Buffer.from('x'), bytes(0xe4, 0xff), Buffer.from('=41')]);
    expect(
      decodeQuotedPrintable(raw).equals(Buffer.concat([Buffer.from('x'), bytes(0xe4, 0xff), Buffer.from('A')])),
    ).toBe(true);
  });

  it('quoted-printable cut in the middle of an escape drops the half escape', () => {
    expect(decodeQuotedPrintable(Buffer.from('abc=')).toString()).toBe('abc');
    expect(decodeQuotedPrintable(Buffer.from('abc=E')).toString()).toBe('abc');
  });

  it('a long run of blanks stays linear (no quadratic scan)', () => {
    const blanks = Buffer.alloc(2_000_000, 0x20);
    const started = Date.now();
    expect(decodeQuotedPrintable(Buffer.concat([blanks, Buffer.from('x')])).length).toBe(2_000_001);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('7bit, 8bit, binary and unknown encodings pass bytes through', () => {
    const raw = bytes(0x00, 0xff, 0x3d, 0x41);
    for (const encoding of ['7bit', '8bit', 'binary', 'x-uuencode', undefined, null]) {
      expect(decodeTransfer(raw, encoding).equals(raw)).toBe(true);
    }
  });
});

describe('HTML <meta> charset', () => {
  const latin1Html = (meta: string): Buffer =>
    Buffer.concat([Buffer.from(`<html><head>${meta}</head><body>`), RAKSMORGAS_1252, Buffer.from('</body></html>')]);

  it('finds both meta forms', () => {
    expect(sniffHtmlCharset(latin1Html('<meta charset="iso-8859-1">'))).toBe('iso-8859-1');
    expect(sniffHtmlCharset(latin1Html('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r">'))).toBe(
      'koi8-r',
    );
    expect(sniffHtmlCharset(latin1Html(''))).toBeNull();
  });

  it('decides only for HTML without a usable label', () => {
    const html = latin1Html('<meta charset=koi8-r>');
    expect(partCharset('text/html', 'us-ascii', html)).toBe('koi8-r');
    expect(partCharset('text/html', null, html)).toBe('koi8-r');
    expect(partCharset('text/html', 'windows-1251', html)).toBe('windows-1251');
    expect(partCharset('text/plain', null, html)).toBeNull();
  });
});
