// A signature as the settings store it. Markup of the composer's safe subset makes it rich; what
// is stored has always been through the composer's sanitizer, so the engine can put it into mail
// as it is. A signature without markup stays plain text, as signatures were before.
import { isRichSignature } from '../../shared/signature';
import { sanitizeEditorHtml } from '../composer/editor-html';

/** Trailing blank lines only go from a plain signature; a rich one is sanitized. */
export function storableSignature(signature: string): string {
  const trimmed = signature.replace(/\s+$/, '');
  return isRichSignature(trimmed) ? sanitizeEditorHtml(trimmed).trim() : trimmed;
}
