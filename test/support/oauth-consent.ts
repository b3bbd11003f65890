// What a browser does on the test provider's authorize page (test/support/oauth-server.ts),
// for the integration tests that have no browser: load the page, press Allow or Deny, and follow
// the redirect to the app's loopback listener. The e2e tests click the same page in Chromium.
import type { OAuthOutcome } from '../../shared/contract-oauth';
import type { AccountSettings } from '../../shared/domain';
import type { MailService } from '../../electron/core/service-api';
import type { OAuthServerStats } from './oauth-server';

export async function answerAuthorizePage(
  authorizeUrl: string,
  decision: 'allow' | 'deny',
  user?: string,
): Promise<{ loopbackStatus: number }> {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${await page.text()}`);
  const query = new URL(authorizeUrl).searchParams;
  const form = new URLSearchParams({ decision, user: user ?? query.get('login_hint') ?? '' });
  for (const key of ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope'])
    form.set(key, query.get(key) ?? '');
  const decided = await fetch(new URL('/authorize', authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
  const location = decided.headers.get('location');
  if (decided.status !== 302 || !location) throw new Error(`authorize decision answered ${decided.status}`);
  const loopback = await fetch(location);
  await loopback.text();
  return { loopbackStatus: loopback.status };
}

/**
 * One whole sign-in at the test provider ("Google", see oauthTestEnv) as the engine runs it:
 * oauth.start, then oauth.complete and the page answered at once, since oauth.complete only
 * returns when the answer's redirect reaches the loopback listener. With `settings` the
 * outcome is a new account; with `accountId`, that account signed in again.
 */
export async function signInAtProvider(
  service: Pick<MailService, 'call'>,
  flow: { email: string; accountId?: string; settings?: AccountSettings },
  decision: 'allow' | 'deny' = 'allow',
): Promise<OAuthOutcome> {
  const { flowId, url } = await service.call('oauth.start', {
    providerId: 'google',
    email: flow.email,
    ...(flow.accountId ? { accountId: flow.accountId } : {}),
  });
  const [outcome] = await Promise.all([
    service.call('oauth.complete', { flowId, ...(flow.settings ? { settings: flow.settings } : {}) }),
    answerAuthorizePage(url, decision),
  ]);
  return outcome;
}

/** Calls a test control of the provider (/test/lifetime, /test/expire, /test/revoke-user). */
export async function oauthControl(baseUrl: string, path: string, form: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body: new URLSearchParams(form) });
  return response.json();
}

export async function oauthStats(baseUrl: string): Promise<OAuthServerStats> {
  return (await (await fetch(`${baseUrl}/test/stats`)).json()) as OAuthServerStats;
}

/**
 * The environment that makes a build sign in to "Google" at the test provider instead
 * (MAIL_OAUTH_GOOGLE_* in electron/core/accounts/auth/oauth-clients.ts).
 */
export function oauthTestEnv(baseUrl: string): Record<string, string> {
  return {
    MAIL_OAUTH_GOOGLE_CLIENT_ID: 'mail-test-client',
    MAIL_OAUTH_GOOGLE_AUTHORIZE_URL: `${baseUrl}/authorize`,
    MAIL_OAUTH_GOOGLE_TOKEN_URL: `${baseUrl}/token`,
    MAIL_OAUTH_GOOGLE_REVOKE_URL: `${baseUrl}/revoke`,
  };
}
