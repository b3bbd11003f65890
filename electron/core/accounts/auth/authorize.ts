// One OAuth2 sign-in, start to end (RFC 6749 section 4.1 with PKCE, RFC 8252 for native apps):
// a loopback listener on a random port, the provider's authorization page opened in the system
// browser (the desktop shell's shell.openExternal, or a new tab of the browser shell: never a web
// view of ours, so the user types the password into the provider's page only), then the code
// exchanged for tokens. Everything is single-use: a fresh verifier, state and listener per call.
import { oauthClient, OAuthNotConfiguredError, configuredProvider, type Environment } from './oauth-clients';
import type { OAuthProvider } from './oauth-providers';
import type { OAuthTokens } from './oauth-tokens';
import { createPkce, newState } from './pkce';
import { startLoopbackListener } from './loopback-listener';
import { exchangeCode } from './token-endpoint';

/** The user (or the provider) declined on the authorization page. */
export class OAuthDeniedError extends Error {
  readonly code = 'OAUTH_DENIED';
  constructor(
    readonly provider: string,
    readonly reason: string,
  ) {
    super(
      reason === 'access_denied'
        ? `Access was not granted on ${provider}'s page, so Mail cannot sign in.`
        : `${provider} did not sign you in (${reason}).`,
    );
  }
}

export interface AuthorizeOptions {
  provider: OAuthProvider;
  env: Environment;
  /** The address being added: the provider's page starts with it. */
  loginHint?: string;
  /** Opens the URL in the system browser (the shell's part). */
  openUrl(url: string): Promise<void> | void;
  /** How long the user has on the provider's page. */
  timeoutMs?: number;
  /** Lets the caller cancel (the wizard closed). */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

export function authorizationUrl(
  provider: OAuthProvider,
  clientId: string,
  params: { redirectUri: string; state: string; challenge: string; loginHint?: string },
): string {
  const url = new URL(provider.authorizeUrl);
  const query: Record<string, string> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: params.redirectUri,
    scope: provider.scopes.join(' '),
    state: params.state,
    code_challenge: params.challenge,
    code_challenge_method: 'S256',
    ...(params.loginHint ? { login_hint: params.loginHint } : {}),
    ...provider.extraParams,
  };
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

export async function authorize(options: AuthorizeOptions): Promise<OAuthTokens> {
  const provider = configuredProvider(options.provider, options.env);
  const client = oauthClient(provider, options.env);
  if (!client) throw new OAuthNotConfiguredError(provider);
  const pkce = createPkce();
  const state = newState();
  const listener = await startLoopbackListener({ state, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const onAbort = (): void => listener.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await options.openUrl(
      authorizationUrl(provider, client.clientId, {
        redirectUri: listener.redirectUri,
        state,
        challenge: pkce.challenge,
        ...(options.loginHint ? { loginHint: options.loginHint } : {}),
      }),
    );
    const answer = await listener.answer;
    if ('error' in answer) throw new OAuthDeniedError(provider.name, answer.error);
    return await exchangeCode(
      {
        provider,
        client,
        email: options.loginHint ?? '',
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
      },
      answer.code,
      pkce.verifier,
      listener.redirectUri,
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    listener.close();
  }
}
