// PKCE (RFC 7636) and the `state` parameter of an OAuth2 authorization request. A desktop app
// cannot keep a client secret, so the code it receives is bound to this one sign-in by a random
// verifier only this process knows: a code caught on its way to the loopback listener is useless
// to anyone else. `state` ties the answer to the request that asked for it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Pkce {
  /** 43 characters of base64url (32 random bytes): sent only to the token endpoint. */
  verifier: string;
  /** base64url(SHA-256(verifier)): sent in the authorization request. */
  challenge: string;
  method: 'S256';
}

export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeOf(verifier), method: 'S256' };
}

export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable `state` for one authorization request. */
export function newState(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares a returned state with the expected one in constant time. */
export function sameState(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
