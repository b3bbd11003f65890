// Pictures pasted or dropped into the rich body: checked (a type every mail reader shows, and
// small enough to travel in the body), then read into a data: URL that the editor holds where
// the picture was put. The engine sends each as a multipart/related part named by cid:.
import { COMPOSE_LIMITS } from '../../shared/compose';
import { isInlineImageType } from '../../shared/inline-image-types';

export const INLINE_IMAGE_LIMIT_MB = COMPOSE_LIMITS.inlineImageBytes / (1024 * 1024);

export type InlineImageProblem = { kind: 'wrongType'; name: string } | { kind: 'tooLarge'; name: string };

/** Why a file cannot go into the text, or null when it can. */
export function inlineImageProblem(file: { name: string; type: string; size: number }): InlineImageProblem | null {
  if (!isInlineImageType(file.type)) return { kind: 'wrongType', name: file.name };
  if (file.size > COMPOSE_LIMITS.inlineImageBytes) return { kind: 'tooLarge', name: file.name };
  return null;
}

/** Pictures go into the text; any other file is attached, as before. */
export function isPicture(file: { type: string }): boolean {
  return file.type.toLowerCase().startsWith('image/');
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
