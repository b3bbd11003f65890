// The account's signature, under the "-- " delimiter (RFC 3676 4.3) that tells mail clients
// where a signature starts, so they can grey it out and leave it out of quotes. Shared so the
// engine's compose.prepare and the renderer's composer write it the same way.

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

/**
 * A plain-text body with the signature below the room to write at the top and above whatever
 * follows (a quote, a forwarded message), as compose.prepare lays it out.
 */
export function withPlainSignature(body: string, signature: string | undefined): string {
  const text = signatureText(signature);
  if (!text) return body;
  const rest = body.replace(/^\n*/, '');
  return `\n\n${plainSignature(text)}\n${rest ? `\n${rest}` : ''}`;
}

/** Where a reply or forward puts the signature: above the quoted original, or below it. */
export type SignaturePlacement = 'above' | 'below';

/**
 * A signature with markup is rich (the composer's safe HTML subset, stored as the settings'
 * editor sanitized it); one without is plain text, so every signature written before rich ones
 * existed keeps working unchanged.
 */
export function isRichSignature(signature: string): boolean {
  // A tag of the editor's subset, not any "<...>": "Ada <ada@example.org>" is a plain signature.
  return /<\/?(?:p|div|br|b|strong|i|em|u|s|a|img|span|ul|ol|li|blockquote)(?=[\s/>])[^>]*>/i.test(signature);
}
