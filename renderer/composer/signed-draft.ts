// A new draft with the account's signature, laid out as the engine's compose.prepare lays it out
// (room to write at the top, then "-- " and the signature), in the draft's own format. A rich
// signature (markup from the settings' editor) goes into an HTML draft through the composer's
// sanitizer and into a plain-text draft as its text version.
import { isRichSignature, signatureText, withPlainSignature } from '../../shared/signature';
import { editorHtmlToPlain, escapeHtml, sanitizeEditorHtml } from './editor-html';
import type { ComposeDraft } from './compose-draft';

/** The signature as the editor shows it: the delimiter line, then the signature. */
export function htmlSignature(text: string): string {
  const body = isRichSignature(text) ? sanitizeEditorHtml(text) : text.split('\n').map(escapeHtml).join('<br>');
  return `<div class="signature">-- <br>${body}</div>`;
}

/** The signature as plain text: a rich one's text version, a plain one as it is. */
export function plainSignatureText(text: string): string {
  return isRichSignature(text) ? editorHtmlToPlain(text) : text;
}

export function withSignature(draft: ComposeDraft, signature: string | undefined): ComposeDraft {
  const text = signatureText(signature);
  if (draft.format !== 'html') {
    return { ...draft, body: withPlainSignature(draft.body, text ? plainSignatureText(text) : undefined) };
  }
  if (!text) return draft;
  return { ...draft, body: `<p><br></p>${htmlSignature(text)}${draft.body}` };
}
