import { describe, expect, it } from 'vitest';
import type { OAuthTokens } from '../../electron/core/accounts/auth/oauth-tokens';
import { SignInAgainError } from '../../electron/core/accounts/auth/token-endpoint';
import { TokenRefresher } from '../../electron/core/accounts/auth/token-refresher';

function setup(expiresAt: number, refresh?: (rt: string) => Promise<OAuthTokens>) {
  let now = 1000;
  let counter = 0;
  const saved: OAuthTokens[] = [];
  const refreshes: string[] = [];
  const refresher = new TokenRefresher(
    {
      load: async () => ({ providerId: 'p', accessToken: 'at-0', refreshToken: 'rt-0', expiresAt }),
      save: async (t) => void saved.push(t),
      refresh:
        refresh ??
        (async (rt) => {
          refreshes.push(rt);
          counter++;
          return {
            providerId: 'p',
            accessToken: `at-${counter}`,
            refreshToken: `rt-${counter}`,
            expiresAt: now + 3600,
          };
        }),
      now: () => now,
      marginSeconds: 60,
    },
    'a@example.test',
  );
  return { refresher, saved, refreshes, advance: (s: number) => (now += s) };
}

describe('TokenRefresher', () => {
  it('hands out the stored token while it is fresh, and refreshes ahead of expiry', async () => {
    const { refresher, saved, refreshes, advance } = setup(1000 + 600);
    expect(await refresher.accessToken()).toBe('at-0');
    expect(refreshes).toEqual([]);
    advance(550); // 50 s left, inside the 60 s margin
    expect(await refresher.accessToken()).toBe('at-1');
    expect(refreshes).toEqual(['rt-0']);
    expect(saved.map((t) => t.accessToken)).toEqual(['at-1']);
  });

  it('shares one refresh between callers asking at once', async () => {
    const { refresher, refreshes } = setup(0);
    const tokens = await Promise.all([refresher.accessToken(), refresher.accessToken(), refresher.accessToken()]);
    expect(tokens).toEqual(['at-1', 'at-1', 'at-1']);
    expect(refreshes).toHaveLength(1);
  });

  it('refreshes once after a refusal, and not again when the fresh token is refused too', async () => {
    const { refresher, refreshes } = setup(999_999);
    expect(await refresher.accessToken()).toBe('at-0');
    expect(refresher.refused()).toBe(true);
    // a second connection refused the same token: still one refresh
    expect(refresher.refused()).toBe(true);
    expect(await refresher.accessToken()).toBe('at-1');
    expect(await refresher.accessToken()).toBe('at-1');
    expect(refreshes).toHaveLength(1);
    // the fresh token refused too: the grant no longer covers mail, no second refresh
    expect(refresher.refused()).toBe(false);
    expect(refresher.signInAgain).toBeInstanceOf(SignInAgainError);
    await expect(refresher.accessToken()).rejects.toBeInstanceOf(SignInAgainError);
    expect(refreshes).toHaveLength(1);
  });

  it('a refused refresh token blocks the account without another request until it signs in again', async () => {
    let calls = 0;
    const { refresher } = setup(0, async () => {
      calls++;
      throw new SignInAgainError('a@example.test', 'invalid_grant');
    });
    await expect(refresher.accessToken()).rejects.toMatchObject({ code: 'PASSWORD_NEEDED', signInAgain: true });
    await expect(refresher.accessToken()).rejects.toBeInstanceOf(SignInAgainError);
    expect(refresher.refused()).toBe(false);
    expect(calls).toBe(1);
    expect(refresher.signInAgain).toBeInstanceOf(SignInAgainError);
    await refresher.replace({ providerId: 'p', accessToken: 'new', refreshToken: 'rt-new', expiresAt: 999_999 });
    expect(refresher.signInAgain).toBeNull();
    expect(await refresher.accessToken()).toBe('new');
  });

  it('a failing token endpoint (not a refusal) does not block: the next call tries again', async () => {
    let calls = 0;
    const { refresher } = setup(0, async () => {
      calls++;
      throw new Error('ECONNREFUSED');
    });
    await expect(refresher.accessToken()).rejects.toThrow('ECONNREFUSED');
    await expect(refresher.accessToken()).rejects.toThrow('ECONNREFUSED');
    expect(calls).toBe(2);
    expect(refresher.signInAgain).toBeNull();
  });
});
