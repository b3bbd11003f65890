// The provider's token endpoint (RFC 6749 sections 4.1.3 and 6): a code (with its PKCE verifier)
// or a refresh token in, tokens out. One request per call, never retried here: the callers decide,
// and a refused refresh token must reach the user rather than be tried again.
import type { OAuthClient } from './oauth-clients';
import type { OAuthProvider } from './oauth-providers';
import type { OAuthTokens } from './oauth-tokens';

/** The provider no longer honours the refresh token (revoked, expired, password changed). */
export class SignInAgainError extends Error {
  // the code the connection loop and the outbox read as "only the user can fix this": no retries
  readonly code = 'PASSWORD_NEEDED';
  readonly authenticationFailed = true;
  readonly signInAgain = true;
  constructor(
    readonly email: string,
    detail: string,
  ) {
    super(`Sign in to ${email} again: the provider no longer accepts this app's sign-in (${detail}).`);
    this.name = 'SignInAgainError';
  }
}

/** The token endpoint could not be reached or answered in a way that says nothing about the grant. */
export class TokenEndpointError extends Error {
  readonly code = 'OAUTH_TOKEN_ENDPOINT';
  constructor(message: string) {
    super(message);
  }
}

export interface TokenRequestContext {
  provider: OAuthProvider;
  client: OAuthClient;
  /** For messages. */
  email: string;
  /** Seconds since the epoch, injectable for tests. */
  now?: () => number;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

async function post(
  context: TokenRequestContext,
  form: Record<string, string>,
): Promise<TokenResponse & { status: number }> {
  const body = new URLSearchParams({ ...form, client_id: context.client.clientId });
  if (context.client.clientSecret) body.set('client_secret', context.client.clientSecret);
  let response: Response;
  try {
    response = await (context.fetchImpl ?? fetch)(context.provider.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(context.timeoutMs ?? 20_000),
      redirect: 'error',
    });
  } catch (error) {
    throw new TokenEndpointError(
      `${context.provider.name}'s sign-in server cannot be reached: ${(error as Error).message}`,
    );
  }
  let json: TokenResponse = {};
  try {
    json = (await response.json()) as TokenResponse;
  } catch {
    // an HTML error page: judged by the status alone
  }
  return { ...json, status: response.status };
}

function tokensFrom(
  json: TokenResponse,
  context: TokenRequestContext,
  previousRefreshToken: string | null,
): OAuthTokens {
  if (typeof json.access_token !== 'string' || json.access_token === '')
    throw new TokenEndpointError(`${context.provider.name} sent no access token.`);
  const now = (context.now ?? (() => Date.now() / 1000))();
  const lifetime = typeof json.expires_in === 'number' ? json.expires_in : Number(json.expires_in ?? 3600);
  // a refresh answer may leave the refresh token out: the old one stays valid then
  const refreshToken =
    typeof json.refresh_token === 'string' && json.refresh_token ? json.refresh_token : previousRefreshToken;
  if (!refreshToken)
    throw new TokenEndpointError(`${context.provider.name} sent no refresh token (offline access was not granted).`);
  return {
    providerId: context.provider.id,
    accessToken: json.access_token,
    refreshToken,
    expiresAt: Math.floor(now + (Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 3600)),
  };
}

function describe(json: TokenResponse & { status: number }): string {
  const error = typeof json.error === 'string' ? json.error : `HTTP ${json.status}`;
  return typeof json.error_description === 'string' ? `${error}: ${json.error_description}` : error;
}

export async function exchangeCode(
  context: TokenRequestContext,
  code: string,
  verifier: string,
  redirectUri: string,
): Promise<OAuthTokens> {
  const json = await post(context, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });
  if (json.status !== 200)
    throw new TokenEndpointError(`${context.provider.name} refused the sign-in (${describe(json)}).`);
  return tokensFrom(json, context, null);
}

export async function refreshTokens(context: TokenRequestContext, refreshToken: string): Promise<OAuthTokens> {
  const json = await post(context, { grant_type: 'refresh_token', refresh_token: refreshToken });
  if (json.status === 200) return tokensFrom(json, context, refreshToken);
  // RFC 6749 section 5.2: invalid_grant is the refresh token's own refusal; anything else
  // (a 5xx, a rate limit) says nothing about it and is the network's kind of failure
  if (json.error === 'invalid_grant' || json.error === 'unauthorized_client' || json.error === 'invalid_client')
    throw new SignInAgainError(context.email, describe(json));
  throw new TokenEndpointError(`${context.provider.name}'s sign-in server failed (${describe(json)}).`);
}

/**
 * RFC 7009: tells the provider to forget a token (the account is being removed). Best effort:
 * one request, a short deadline, and a failure only logged by the caller, since removing the
 * account locally must never wait on the provider.
 */
export async function revokeToken(context: TokenRequestContext, token: string): Promise<void> {
  const url = context.provider.revokeUrl;
  if (!url) return;
  const body = new URLSearchParams({ token, token_type_hint: 'refresh_token', client_id: context.client.clientId });
  if (context.client.clientSecret) body.set('client_secret', context.client.clientSecret);
  const response = await (context.fetchImpl ?? fetch)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    signal: AbortSignal.timeout(context.timeoutMs ?? 5_000),
    redirect: 'error',
  });
  if (!response.ok)
    throw new TokenEndpointError(`${context.provider.name} did not revoke the sign-in (HTTP ${response.status}).`);
}
