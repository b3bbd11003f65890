// Attachment file names come from the sender, so they are hostile until proven otherwise:
// the name is shown to the user and later used to save a file. sanitizeFilename() makes one
// that is safe to display and to write on Windows, macOS and Linux.

// Extensions for the fallback name when the sender gave none.
const EXTENSIONS: Record<string, string> = {
  'text/plain': '.txt',
  'text/html': '.html',
  'text/csv': '.csv',
  'text/calendar': '.ics',
  'text/vcard': '.vcf',
  'text/x-vcard': '.vcf',
  'text/rfc822-headers': '.txt',
  'message/rfc822': '.eml',
  'message/global': '.eml',
  'message/delivery-status': '.txt',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/jpg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'image/bmp': '.bmp',
  'image/tiff': '.tiff',
  'image/heic': '.heic',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/gzip': '.gz',
  'application/json': '.json',
  'application/xml': '.xml',
  'application/msword': '.doc',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/pgp-signature': '.asc',
  'application/pgp-keys': '.asc',
  'application/pkcs7-signature': '.p7s',
  'application/x-pkcs7-signature': '.p7s',
  'application/ics': '.ics',
  'application/octet-stream': '.bin',
};

/** The usual extension for a MIME type ('' when we know none). */
export function extensionForType(contentType: string | null | undefined): string {
  return EXTENSIONS[(contentType ?? '').trim().toLowerCase()] ?? '';
}

// C0/C1 controls and DEL, plus invisible format characters: bidi overrides and isolates (a
// U+202E turns "gnp.exe" into what reads as "exe.png"), zero-width characters and the BOM.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// Characters Windows forbids in names (path separators are handled before this).
const FORBIDDEN = /[<>:"|?*]/g;
// Device names Windows reserves, with or without an extension ("CON.txt" opens the console).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

const MAX_BYTES = 200;
const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cuts `stem` (by whole code points) so that stem + ext fits in MAX_BYTES of UTF-8. */
function fitLength(stem: string, ext: string): string {
  if (utf8Length(stem + ext) <= MAX_BYTES) return stem + ext;
  // an extension that alone is too long is not an extension worth keeping
  const keep = utf8Length(ext) <= 32 ? ext : '';
  let budget = MAX_BYTES - utf8Length(keep);
  let cut = '';
  for (const ch of stem) {
    budget -= utf8Length(ch);
    if (budget < 0) break;
    cut += ch;
  }
  return cut.replace(/[ .]+$/, '') + keep;
}

/** Splits "name.ext" into stem and ".ext"; a dot-only or leading-dot name has no extension. */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/** A file name that is safe to show and to save; never empty. */
export function sanitizeFilename(name: string | null | undefined, contentType?: string | null): string {
  let clean = (name ?? '').normalize('NFC').replace(INVISIBLE, '');
  // keep only the last path segment: "C:\Users\x\report.pdf" and "../../etc/passwd" name a
  // file, not a place to put it
  clean =
    clean
      .split(/[/\\]/)
      .filter((segment) => segment.trim() !== '')
      .pop() ?? '';
  clean = clean.replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  // no hidden files or "..", and Windows silently strips trailing dots and spaces
  clean = clean.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (!clean) return 'attachment' + extensionForType(contentType);
  const [stem, ext] = splitExtension(clean);
  const base = stem.split('.')[0] ?? stem;
  const safeStem = RESERVED.test(base.trim()) ? '_' + stem : stem;
  return fitLength(safeStem, ext);
}
