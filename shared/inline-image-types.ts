// The pictures the composer takes into a message body: the formats every mail reader shows.
// Shared so the editor (which refuses anything else) and the engine (which turns these data:
// URLs into cid: parts) agree.
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export function isInlineImageType(type: string): boolean {
  return (INLINE_IMAGE_TYPES as readonly string[]).includes(type.toLowerCase());
}

/**
 * Whether a part of a received message may show in its body as a cid: image. The reading pane
 * shows images only (any image/* type: the sanitized frame draws what Chromium can), and the
 * engine fetches ahead only the inline parts it will show: a document that came with a
 * Content-ID beside the body's pictures stays a download the user asks for.
 */
export function isImageContentType(contentType: string): boolean {
  return /^image\//i.test(contentType.trim());
}
