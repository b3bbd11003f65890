// Hands out an account's access token, fresh. It refreshes ahead of expiry (a token that dies
// mid-login is a refused login the server counts), shares one refresh between every connection
// that asks at once, and refreshes at most once per refused token: a server that refuses a token
// just refreshed is not asked again. A refresh token the provider refuses (SignInAgainError)
// blocks the account until the user signs in again: no call after that reaches the network.
import type { OAuthTokens } from './oauth-tokens';
import { SignInAgainError } from './token-endpoint';

export interface TokenRefresherDeps {
  /** The tokens as stored (sealed); called once, on first use. */
  load(): Promise<OAuthTokens>;
  /** Stores refreshed tokens (sealed) before they are handed out. */
  save(tokens: OAuthTokens): Promise<void>;
  /** One request to the token endpoint (token-endpoint.ts refreshTokens). */
  refresh(refreshToken: string): Promise<OAuthTokens>;
  /** Seconds since the epoch. */
  now?: () => number;
  /** Refresh this long before expiry. */
  marginSeconds?: number;
}

const DEFAULT_MARGIN_SECONDS = 120;

export class TokenRefresher {
  private tokens: OAuthTokens | null = null;
  private pending: Promise<OAuthTokens> | null = null;
  private blocked: SignInAgainError | null = null;
  /** A server refused the current access token: the next one handed out is refreshed first. */
  private refreshDue = false;
  /** Access tokens that came from a refresh made because a server refused the one before. */
  private readonly fromRefusal = new Set<string>();

  constructor(
    private readonly deps: TokenRefresherDeps,
    private readonly email: string,
  ) {}

  /** The account must be signed in again (the refresh token was refused). */
  get signInAgain(): SignInAgainError | null {
    return this.blocked;
  }

  /** An access token valid for at least the margin; refreshes first when needed. */
  async accessToken(): Promise<string> {
    const tokens = await this.current();
    if (this.refreshDue) {
      const fresh = await this.refreshOnce(tokens);
      this.refreshDue = false;
      this.fromRefusal.add(fresh.accessToken);
      return fresh.accessToken;
    }
    const now = (this.deps.now ?? (() => Date.now() / 1000))();
    if (tokens.expiresAt - now > (this.deps.marginSeconds ?? DEFAULT_MARGIN_SECONDS)) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  /**
   * A server refused the current access token (synchronous: it is called from a login's failure
   * path). True: one refresh is due and the login may be tried once more. False: the refused
   * token was itself the answer to a refusal, or the account is blocked already: it must be
   * signed in again (signInAgain says why), and nothing is tried until then.
   */
  refused(): boolean {
    if (this.blocked) return false;
    if (this.refreshDue) return true;
    if (this.tokens && this.fromRefusal.has(this.tokens.accessToken)) {
      this.blocked = new SignInAgainError(this.email, 'the mail server refused a new access token');
      return false;
    }
    this.refreshDue = true;
    return true;
  }

  /** The user signed in again: new tokens replace the old and the block is lifted. */
  async replace(tokens: OAuthTokens): Promise<void> {
    await this.deps.save(tokens);
    this.tokens = tokens;
    this.blocked = null;
    this.refreshDue = false;
    this.fromRefusal.clear();
  }

  private async current(): Promise<OAuthTokens> {
    if (this.blocked) throw this.blocked;
    this.tokens ??= await this.deps.load();
    return this.tokens;
  }

  private refreshOnce(stale: OAuthTokens): Promise<OAuthTokens> {
    this.pending ??= (async () => {
      try {
        const fresh = await this.deps.refresh(stale.refreshToken);
        await this.deps.save(fresh);
        this.tokens = fresh;
        return fresh;
      } catch (error) {
        if (error instanceof SignInAgainError) this.blocked = error;
        throw error;
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }
}
