// An account's OAuth2 tokens, and how they are kept: as one JSON document sealed by the same
// SecretCipher that seals passwords (keychain or key file), bound to the account id. A token is a
// password that expires, so it gets the same protection and never appears in a log.
import type { SecretCipher } from '../secret-cipher';

export interface OAuthTokens {
  providerId: string;
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working, in seconds since the epoch. */
  expiresAt: number;
}

export async function sealTokens(cipher: SecretCipher, tokens: OAuthTokens, accountId: string): Promise<Buffer> {
  return cipher.encrypt(JSON.stringify(tokens), accountId);
}

/** Opens sealed tokens; null when the document is not tokens (a password sealed before, say). */
export async function openTokens(cipher: SecretCipher, sealed: Buffer, accountId: string): Promise<OAuthTokens | null> {
  const text = await cipher.decrypt(sealed, accountId, true);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const t = parsed as Partial<OAuthTokens> | null;
  if (
    !t ||
    typeof t.providerId !== 'string' ||
    typeof t.accessToken !== 'string' ||
    typeof t.refreshToken !== 'string' ||
    typeof t.expiresAt !== 'number'
  )
    return null;
  return { providerId: t.providerId, accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
}
