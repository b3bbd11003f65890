// Where each shell's OAuth2 client ids come from (core/accounts/auth/oauth-clients.ts reads them).
// A release is built with MAIL_OAUTH_<PROVIDER>_CLIENT_ID (and _CLIENT_SECRET where the provider
// insists) in the build's environment: scripts/build.mjs bakes exactly those into dist/ as
// __MAIL_OAUTH_CLIENTS__, so the packaged app needs no environment of its own and the repository
// holds none. At run time the same variables may add to them (a developer's `npm start`).
// Only the browser shell under plain Node (the tests) also honours the endpoint and host overrides
// (_AUTHORIZE_URL, _TOKEN_URL, _HOSTS): the desktop app's sign-in page cannot be redirected by its
// environment.
declare const __MAIL_OAUTH_CLIENTS__: string | undefined;

type Env = Readonly<Record<string, string | undefined>>;

const CLIENT_KEY = /^MAIL_OAUTH_[A-Z0-9_]+_CLIENT_(?:ID|SECRET)$/;
const TEST_KEY = /^MAIL_OAUTH_[A-Z0-9_]+_(?:AUTHORIZE_URL|TOKEN_URL|REVOKE_URL|HOSTS)$/;

/** The client ids baked in at build time; none when running from source. */
export function builtInOAuthClients(): Record<string, string> {
  if (typeof __MAIL_OAUTH_CLIENTS__ !== 'string') return {};
  try {
    return JSON.parse(__MAIL_OAUTH_CLIENTS__) as Record<string, string>;
  } catch {
    return {};
  }
}

function pick(env: Env, key: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (key.test(name) && value) out[name] = value;
  return out;
}

/** The desktop app: built-in client ids, then those of its environment; never endpoint overrides. */
export function desktopOAuthEnv(env: Env): Record<string, string> {
  return { ...builtInOAuthClients(), ...pick(env, CLIENT_KEY) };
}

/** The browser shell: as the desktop app, plus the test bed's endpoint and host overrides. */
export function webOAuthEnv(env: Env): Record<string, string> {
  return { ...desktopOAuthEnv(env), ...(process.versions.electron ? {} : pick(env, TEST_KEY)) };
}
