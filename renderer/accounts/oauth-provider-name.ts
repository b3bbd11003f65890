// The name of an account's OAuth2 provider, for sentences ("Sign in with Google"). The engine's
// provider table (electron/core/accounts/auth/oauth-providers.ts) has the same ids; an id this
// list does not know is shown as it is.
const NAMES: Record<string, string> = { google: 'Google', microsoft: 'Microsoft' };

export function oauthProviderName(id: string): string {
  return NAMES[id] ?? id;
}
