// Which OAuth2 client (application registration) this build signs in as, per provider. A client id
// is issued to whoever publishes the app, so it is configuration, never in the repository: a
// release build reads MAIL_OAUTH_<PROVIDER>_CLIENT_ID (and, for Google's desktop clients, which
// come with a "secret" that is not one, MAIL_OAUTH_<PROVIDER>_CLIENT_SECRET) from its environment.
// Tests point a provider at their own authorization server with MAIL_OAUTH_<PROVIDER>_AUTHORIZE_URL
// and _TOKEN_URL, and MAIL_OAUTH_<PROVIDER>_HOSTS (comma-separated mail host names) makes it sign
// in for more servers than its table row names (a test bed, a provider's custom domain). All are
// honoured only together with a client id, so a release without them is unchanged.
import type { OAuthProvider } from './oauth-providers';

export interface OAuthClient {
  clientId: string;
  /** Sent only where the provider insists (Google's installed-app clients); not a real secret. */
  clientSecret?: string;
}

/** Raised when the user picks a provider this build has no client id for. */
export class OAuthNotConfiguredError extends Error {
  readonly code = 'OAUTH_NOT_CONFIGURED';
  constructor(provider: OAuthProvider) {
    const key = envKey(provider.id, 'CLIENT_ID');
    super(
      `Sign-in with ${provider.name} is not set up in this build of Mail (no ${key}). ` +
        'Use an app password instead, or a build that has a client id for it.',
    );
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

export function envKey(providerId: string, what: string): string {
  return `MAIL_OAUTH_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${what}`;
}

/** The client this build uses for `provider`, or null when none is configured. */
export function oauthClient(provider: OAuthProvider, env: Environment): OAuthClient | null {
  const clientId = env[envKey(provider.id, 'CLIENT_ID')]?.trim();
  if (!clientId) return null;
  const clientSecret = env[envKey(provider.id, 'CLIENT_SECRET')]?.trim();
  return { clientId, ...(clientSecret ? { clientSecret } : {}) };
}

/** The provider with its endpoints as this environment sets them (tests use their own server). */
export function configuredProvider(provider: OAuthProvider, env: Environment): OAuthProvider {
  if (!oauthClient(provider, env)) return provider;
  const at = (what: string): string | undefined => env[envKey(provider.id, what)]?.trim() || undefined;
  return {
    ...provider,
    authorizeUrl: at('AUTHORIZE_URL') ?? provider.authorizeUrl,
    tokenUrl: at('TOKEN_URL') ?? provider.tokenUrl,
    ...(at('REVOKE_URL') ? { revokeUrl: at('REVOKE_URL') } : {}),
    hostSuffixes: [
      ...provider.hostSuffixes,
      ...(at('HOSTS') ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host !== '')
        // an exact host, in the suffix form oauthProviderFor matches
        .map((host) => `.${host}`),
    ],
  };
}
