// The account's signature, under the "-- " delimiter (RFC 3676 4.3) that tells mail clients
// where a signature starts, so they can grey it out and leave it out of quotes.
import { escapeHtml, plainToHtml } from './html-text';

/** The signature text without a delimiter the user may have typed into it; null when empty. */
export function signatureText(signature: string | undefined): string | null {
  const text = (signature ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/^--[ \t]*\n/, '')
    .trim();
  return text ? text : null;
}

export function plainSignature(signature: string): string {
  return `-- \n${signature}`;
}

export function htmlSignature(signature: string): string {
  return `<div class="signature">${escapeHtml('-- ')}<br>\n${plainToHtml(signature)}</div>`;
}
