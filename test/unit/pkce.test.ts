import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeOf, createPkce, newState, sameState } from '../../electron/core/accounts/auth/pkce';

describe('PKCE', () => {
  it('matches the S256 example of RFC 7636 appendix B', () => {
    expect(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh 43-character verifier each time, and its challenge', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.method).toBe('S256');
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
  });
});

describe('state', () => {
  it('is random and compared exactly', () => {
    const state = newState();
    expect(state.length).toBeGreaterThanOrEqual(32);
    expect(newState()).not.toBe(state);
    expect(sameState(state, state)).toBe(true);
    expect(sameState(state, `${state}x`)).toBe(false);
    expect(sameState(state, state.slice(1))).toBe(false);
    expect(sameState(state, null)).toBe(false);
    expect(sameState(state, undefined)).toBe(false);
  });
});
