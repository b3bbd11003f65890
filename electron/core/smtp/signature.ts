// The account's signature, under the "-- " delimiter (RFC 3676 4.3) that tells mail clients
// where a signature starts, so they can grey it out and leave it out of quotes. The plain-text
// rules live in shared/ (the renderer's composer writes it too); the HTML form is the engine's.
// A rich signature (markup from the settings' editor) goes into HTML mail as it is and into
// plain-text mail as its text version.
import { isRichSignature, plainSignature } from '../../../shared/signature';
import { escapeHtml, htmlToPlain, plainToHtml } from './html-text';

export { plainSignature, signatureText } from '../../../shared/signature';

export function htmlSignature(signature: string): string {
  // No newline after the delimiter's <br> before rich markup: the text part would read it as a
  // space on a line of its own, an empty line between "-- " and the signature.
  if (isRichSignature(signature)) return `<div class="signature">${escapeHtml('-- ')}<br>${signature}</div>`;
  return `<div class="signature">${escapeHtml('-- ')}<br>\n${plainToHtml(signature)}</div>`;
}

/** The signature's text version, for plain-text mail. */
export function signatureAsText(signature: string): string {
  return isRichSignature(signature) ? htmlToPlain(signature) : signature;
}

/** The delimiter and the text version, as a plain-text body carries it. */
export function textSignature(signature: string): string {
  return plainSignature(signatureAsText(signature));
}
