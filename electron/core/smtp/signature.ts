// The account's signature, under the "-- " delimiter (RFC 3676 4.3) that tells mail clients
// where a signature starts, so they can grey it out and leave it out of quotes. The plain-text
// rules live in shared/ (the renderer's composer writes it too); the HTML form is the engine's.
import { escapeHtml, plainToHtml } from './html-text';

export { plainSignature, signatureText } from '../../../shared/signature';

export function htmlSignature(signature: string): string {
  return `<div class="signature">${escapeHtml('-- ')}<br>\n${plainToHtml(signature)}</div>`;
}
