// The pictures the composer takes into a message body: the formats every mail reader shows.
// Shared so the editor (which refuses anything else) and the engine (which turns these data:
// URLs into cid: parts) agree.
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export function isInlineImageType(type: string): boolean {
  return (INLINE_IMAGE_TYPES as readonly string[]).includes(type.toLowerCase());
}
