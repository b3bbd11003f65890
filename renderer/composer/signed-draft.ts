// A new draft with the account's signature, laid out as the engine's compose.prepare lays it out
// (room to write at the top, then "-- " and the signature), in the draft's own format.
import { signatureText, withPlainSignature } from '../../shared/signature';
import { escapeHtml } from './editor-html';
import type { ComposeDraft } from './compose-draft';

/** The signature as the editor shows it: the delimiter line, then the text with its line breaks. */
export function htmlSignature(text: string): string {
  const lines = text.split('\n').map(escapeHtml).join('<br>');
  return `<div class="signature">-- <br>${lines}</div>`;
}

export function withSignature(draft: ComposeDraft, signature: string | undefined): ComposeDraft {
  if (draft.format !== 'html') return { ...draft, body: withPlainSignature(draft.body, signature) };
  const text = signatureText(signature);
  if (!text) return draft;
  return { ...draft, body: `<p><br></p>${htmlSignature(text)}${draft.body}` };
}
