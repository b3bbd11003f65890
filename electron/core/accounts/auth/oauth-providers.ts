// Every OAuth2 provider the app can sign in with, in one table: where its authorization and token
// endpoints are, which scopes give IMAP and SMTP access, and which discovery presets and mail hosts
// it covers. The client ids are not here: they belong to whoever builds a release (see
// oauth-clients.ts and the README), so nothing secret is committed.
//
// Adding a provider: add a row with its endpoints and mail scopes and list the preset ids
// (discovery/presets.ts) or host suffixes it serves, then register a client id with it and set
// MAIL_OAUTH_<ID>_CLIENT_ID for the build. Examples of rows one could add:
//   Yahoo and AOL: authorize https://api.login.yahoo.com/oauth2/request_auth, token
//     https://api.login.yahoo.com/oauth2/get_token, scope "mail-w" (AOL uses the same service,
//     hosts imap.aol.com / smtp.aol.com).
//   Fastmail: authorize https://api.fastmail.com/oauth/authorize, token
//     https://api.fastmail.com/oauth/refresh, scopes urn:ietf:params:oauth:scope:mail (their
//     partner programme hands out client ids).
//   Any domain whose autoconfig file says <authentication>OAuth2</authentication> for its
//     servers: discovery reports 'oauth2' for them; a row whose hostSuffixes match those servers
//     makes the wizard offer the sign-in button.

export interface OAuthProvider {
  id: string;
  /** The name on the button: "Sign in with …". */
  name: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** RFC 7009 revocation, where the provider has one (called when an account is removed). */
  revokeUrl?: string;
  scopes: readonly string[];
  /** Extra authorization parameters (offline access, the account picker). */
  extraParams?: Readonly<Record<string, string>>;
  /** Discovery presets (discovery/presets.ts ids) this provider signs in for. */
  presets: readonly string[];
  /** Mail hosts (IMAP or SMTP) it signs in for, by suffix, for settings found elsewhere. */
  hostSuffixes: readonly string[];
}

export const OAUTH_PROVIDERS: readonly OAuthProvider[] = [
  {
    id: 'google',
    name: 'Google',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    // the one scope Google grants IMAP and SMTP under
    scopes: ['https://mail.google.com/'],
    // a refresh token is only issued with access_type=offline; prompt=consent makes Google issue a
    // new one when the user signs in again after revoking the old
    extraParams: { access_type: 'offline', prompt: 'consent' },
    presets: ['gmail'],
    hostSuffixes: ['.gmail.com', '.googlemail.com'],
  },
  {
    id: 'microsoft',
    name: 'Microsoft',
    // "common" serves personal accounts (Outlook.com, Hotmail) and work or school accounts
    // (Microsoft 365) alike; the user picks on Microsoft's page.
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: [
      'https://outlook.office.com/IMAP.AccessAsUser.All',
      'https://outlook.office.com/SMTP.Send',
      'offline_access',
    ],
    extraParams: { prompt: 'select_account' },
    presets: ['outlook', 'microsoft365'],
    hostSuffixes: ['.office365.com', '.outlook.com'],
  },
];

export function oauthProvider(id: string, table: readonly OAuthProvider[] = OAUTH_PROVIDERS): OAuthProvider | null {
  return table.find((p) => p.id === id) ?? null;
}

/** The provider that signs in for a discovery preset or a mail host, if any. */
export function oauthProviderFor(
  where: { presetId?: string; host?: string },
  table: readonly OAuthProvider[] = OAUTH_PROVIDERS,
): OAuthProvider | null {
  const host = where.host?.toLowerCase();
  return (
    table.find(
      (p) =>
        (where.presetId !== undefined && p.presets.includes(where.presetId)) ||
        (host !== undefined && p.hostSuffixes.some((s) => host.endsWith(s) || host === s.slice(1))),
    ) ?? null
  );
}
