import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTokens, sealTokens, type OAuthTokens } from '../../electron/core/accounts/auth/oauth-tokens';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';

const dir = mkdtempSync(path.join(tmpdir(), 'oauth-tokens-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tokens: OAuthTokens = {
  providerId: 'google',
  accessToken: 'ya29.access-token-value',
  refreshToken: '1//refresh-token-value',
  expiresAt: 1_900_000_000,
};

describe('sealed OAuth tokens', () => {
  it('are sealed like a password: no token readable in the bytes, and they open again', async () => {
    const cipher = new KeyFileCipher(path.join(dir, 'a.key'));
    const sealed = await sealTokens(cipher, tokens, 'account-1');
    expect(sealed.toString('latin1')).not.toContain('access-token-value');
    expect(sealed.toString('latin1')).not.toContain('refresh-token-value');
    expect(await openTokens(cipher, sealed, 'account-1')).toEqual(tokens);
  });

  it('are bound to their account', async () => {
    const cipher = new KeyFileCipher(path.join(dir, 'b.key'));
    const sealed = await sealTokens(cipher, tokens, 'account-1');
    await expect(openTokens(cipher, sealed, 'account-2')).rejects.toThrow();
  });

  it('a sealed password is not taken for tokens', async () => {
    const cipher = new KeyFileCipher(path.join(dir, 'c.key'));
    expect(await openTokens(cipher, await cipher.encrypt('hunter2', 'account-1'), 'account-1')).toBeNull();
    expect(await openTokens(cipher, await cipher.encrypt('{"accessToken":1}', 'account-1'), 'account-1')).toBeNull();
  });
});
