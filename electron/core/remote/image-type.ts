// The type a fetched image is shown as, decided by its bytes, not only by the server's word:
// a server (or whoever controls it) can label anything image/png. Raster formats must carry
// their magic number; SVG is accepted only when declared as SVG and when it starts like SVG,
// so an HTML page labelled as an image never becomes a data: URL. (SVG may carry script, but
// an SVG shown through <img> or a CSS background never runs script nor loads anything.)

/** Content types a server may declare for a remote image. */
const DECLARED_IMAGE_TYPES = new Set([
  'image/png',
  'image/apng',
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-bmp',
  'image/x-ms-bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/svg+xml',
]);

/** How many bytes the sniffers look at (SVG may open with a long comment or licence). */
export const SNIFF_BYTES = 2048;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((value, index) => bytes[offset + index] === value);
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The raster format the bytes are in, as the type of its data: URL, or null. */
export function sniffRasterType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))
  )
    return 'image/avif';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'image/bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6) return 'image/x-icon';
  return null;
}

/** True when the text starts (after an XML declaration, comments and a doctype) with <svg. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES));
  text = text.replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = text.trimStart();
    const skipped = trimmed.replace(/^<\?xml[\s\S]*?\?>|^<!--[\s\S]*?-->|^<!doctype\s+svg[^>]*>/i, '');
    if (skipped === trimmed) return /^<svg[\s>]/i.test(trimmed);
    text = skipped;
  }
}

/** The declared media type without parameters, lowercased. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether the server's Content-Type is one of the image types we show (checked before reading). */
export function isDeclaredImageType(contentType: string | null): boolean {
  return DECLARED_IMAGE_TYPES.has(mediaType(contentType));
}

/**
 * The type to put in the data: URL, or null to refuse the response. The declared type must be
 * an image type we show; a raster image declared as another raster type (a common server
 * mistake) is shown as what its bytes are.
 */
export function imageDataType(contentType: string | null, head: Uint8Array): string | null {
  if (!isDeclaredImageType(contentType)) return null;
  const raster = sniffRasterType(head);
  if (raster) return raster;
  return mediaType(contentType) === 'image/svg+xml' && looksLikeSvg(head) ? 'image/svg+xml' : null;
}
