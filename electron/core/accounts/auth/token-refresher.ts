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
  /** Access tokens that came from a refresh made because a server refused the one before. */
  private readonly fromRefusal = new Set<string>();

  constructor(private readonly deps: TokenRefresherDeps) {}

  /** The account must be signed in again (the refresh token was refused). */
  get signInAgain(): SignInAgainError | null {
    return this.blocked;
  }

  /** An access token valid for at least the margin; refreshes first when needed. */
  async accessToken(): Promise<string> {
    const tokens = await this.current();
    const now = (this.deps.now ?? (() => Date.now() / 1000))();
    if (tokens.expiresAt - now > (this.deps.marginSeconds ?? DEFAULT_MARGIN_SECONDS)) return tokens.accessToken;
    return (await this.refreshOnce(tokens)).accessToken;
  }

  /**
   * A server refused `refused`: returns a new token to try once more, or throws SignInAgainError
   * when even a freshly refreshed token was refused (the grant no longer covers mail).
   */
  async afterRefusal(refused: string, email: string): Promise<string> {
    const tokens = await this.current();
    if (this.fromRefusal.has(refused)) {
      this.blocked = new SignInAgainError(email, 'the mail server refused a new access token');
      throw this.blocked;
    }
    // another connection refreshed meanwhile: its token has not been refused yet
    if (tokens.accessToken !== refused) return tokens.accessToken;
    const fresh = await this.refreshOnce(tokens);
    this.fromRefusal.add(fresh.accessToken);
    return fresh.accessToken;
  }

  /** The user signed in again: new tokens replace the old and the block is lifted. */
  async replace(tokens: OAuthTokens): Promise<void> {
    await this.deps.save(tokens);
    this.tokens = tokens;
    this.blocked = null;
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
