// The file names attachments get: never a path, never empty, an extension from the type.
import { describe, expect, it } from 'vitest';
import { extensionForType, sanitizeFilename } from '../../electron/core/imap/body/filename';

describe('sanitizeFilename', () => {
  it('keeps ordinary names, including non-ASCII ones', () => {
    expect(sanitizeFilename('report.pdf')).toBe('report.pdf');
    expect(sanitizeFilename('Räksmörgås long.pdf')).toBe('Räksmörgås long.pdf');
    expect(sanitizeFilename('日本語の資料.docx')).toBe('日本語の資料.docx');
  });

  it('never yields a path: only the last segment survives', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('..\\..\\Windows\\system32\\evil.dll')).toBe('evil.dll');
    expect(sanitizeFilename('C:\\Users\\bob\\report.pdf')).toBe('report.pdf');
    expect(sanitizeFilename('/')).toBe('attachment');
    expect(sanitizeFilename('../..')).toBe('attachment');
  });

  it('removes control characters and invisible bidi/zero-width characters', () => {
    // U+202E right-to-left override makes "gnp.exe" display as "exe.png"
    expect(sanitizeFilename('\u202Egnp.exe')).toBe('gnp.exe');
    expect(sanitizeFilename('photo\u202E3pm.exe')).toBe('photo3pm.exe');
    expect(sanitizeFilename('a\u0000b\u0007c\u001f\u007f\u009f.txt')).toBe('abc.txt');
    expect(sanitizeFilename('in\u200bvoice\ufeff.pdf')).toBe('invoice.pdf');
    expect(sanitizeFilename('line\r\nbreak.txt')).toBe('linebreak.txt');
  });

  it('replaces characters Windows forbids', () => {
    expect(sanitizeFilename('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
  });

  it('strips leading dots and trailing dots/spaces', () => {
    expect(sanitizeFilename('.bashrc')).toBe('bashrc');
    expect(sanitizeFilename('...hidden.txt')).toBe('hidden.txt');
    expect(sanitizeFilename('name.txt. . ')).toBe('name.txt');
    expect(sanitizeFilename('  spaced   out  .pdf')).toBe('spaced out .pdf');
  });

  it('defuses reserved Windows device names, with or without extension', () => {
    expect(sanitizeFilename('CON')).toBe('_CON');
    expect(sanitizeFilename('CON.txt')).toBe('_CON.txt');
    expect(sanitizeFilename('nul.tar.gz')).toBe('_nul.tar.gz');
    expect(sanitizeFilename('com1.log')).toBe('_com1.log');
    expect(sanitizeFilename('LPT9')).toBe('_LPT9');
    expect(sanitizeFilename('console.txt')).toBe('console.txt');
    expect(sanitizeFilename('CONFIG.SYS')).toBe('CONFIG.SYS');
  });

  it('caps at 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = 'a'.repeat(300) + '.pdf';
    expect(sanitizeFilename(long)).toBe('a'.repeat(196) + '.pdf');
    const wide = 'ä'.repeat(150) + '.docx'; // 2 bytes each
    const out = sanitizeFilename(wide);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
    expect(out.endsWith('.docx')).toBe(true);
    expect(out).toBe('ä'.repeat(97) + '.docx');
    const emoji = '😀'.repeat(80) + '.png'; // 4 bytes each: no cut surrogate pair
    const cutEmoji = sanitizeFilename(emoji);
    expect(cutEmoji).toBe('😀'.repeat(49) + '.png');
    expect(cutEmoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('drops an absurdly long "extension" rather than keep it', () => {
    const out = sanitizeFilename('x.' + 'y'.repeat(300));
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
    expect(out.length).toBeGreaterThan(0);
  });

  it('never returns an empty name: falls back to attachment + extension of the type', () => {
    expect(sanitizeFilename('')).toBe('attachment');
    expect(sanitizeFilename(null, 'application/pdf')).toBe('attachment.pdf');
    expect(sanitizeFilename(undefined, 'image/jpeg')).toBe('attachment.jpg');
    expect(sanitizeFilename('\u202E\u200b', 'text/plain')).toBe('attachment.txt');
    expect(sanitizeFilename('   ', 'message/rfc822')).toBe('attachment.eml');
    expect(sanitizeFilename('', 'application/x-unknown')).toBe('attachment');
  });

  it('normalises to NFC so the same name compares equal', () => {
    expect(sanitizeFilename('a\u0308.txt')).toBe('\u00e4.txt');
  });
});

describe('extensionForType', () => {
  it('maps common types and ignores case', () => {
    expect(extensionForType('IMAGE/PNG')).toBe('.png');
    expect(extensionForType('text/calendar')).toBe('.ics');
    expect(extensionForType('nope/nope')).toBe('');
    expect(extensionForType(undefined)).toBe('');
  });
});
