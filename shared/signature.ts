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
