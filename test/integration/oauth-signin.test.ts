// OAuth2 sign-in end to end against the test bed: the authorization-code flow with PKCE through
// the loopback listener and the test provider's authorize page (test/support/oauth-server.ts),
// then the tokens used where Dovecot's oauth2 passdb checks them by introspection: IMAP with
// OAUTHBEARER and, when the server offers only that, XOAUTH2; SMTP submission with XOAUTH2
// through Dovecot's auth socket.
import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../shared/domain';
import { authorize, OAuthDeniedError } from '../../electron/core/accounts/auth/authorize';
import { oauthAuthenticator } from '../../electron/core/accounts/auth/oauth-authenticator';
import { OAuthNotConfiguredError } from '../../electron/core/accounts/auth/oauth-clients';
import type { OAuthProvider } from '../../electron/core/accounts/auth/oauth-providers';
import type { OAuthTokens } from '../../electron/core/accounts/auth/oauth-tokens';
import { refreshTokens } from '../../electron/core/accounts/auth/token-endpoint';
import { TokenRefresher } from '../../electron/core/accounts/auth/token-refresher';
import { testImap, testSmtp } from '../../electron/core/accounts/connection-test';
import { createImapClient } from '../../electron/core/imap/client-factory';
import { submitMessage } from '../../electron/core/smtp/smtp-client';
import { getMailServer } from '../mailserver/inject';
import { countLogLines, oauthRefusals, waitForLogCount } from '../mailserver/logs';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { startImapFilterProxy } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { answerAuthorizePage, oauthStats } from '../support/oauth-consent';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const imaps: ServerSettings = { host: server.host, port: server.ports.imaps, security: 'tls' };
const submission: ServerSettings = { host: server.host, port: server.ports.submission, security: 'starttls' };

const provider: OAuthProvider = {
  id: 'testbed',
  name: 'Test provider',
  authorizeUrl: `${server.oauth.url}/authorize`,
  tokenUrl: `${server.oauth.url}/token`,
  scopes: ['mail', 'offline_access'],
  presets: [],
  hostSuffixes: [],
};
const env = { MAIL_OAUTH_TESTBED_CLIENT_ID: 'mail-test-client' };

async function signIn(user: MailUser, decision: 'allow' | 'deny' = 'allow'): Promise<OAuthTokens> {
  return authorize({
    provider,
    env,
    loginHint: user.address,
    timeoutMs: 10_000,
    openUrl: async (url) => {
      // the browser's part, not awaited by the app: it only opens the page
      void answerAuthorizePage(url, decision);
    },
  });
}

function refresherFor(tokens: OAuthTokens, user: MailUser, marginSeconds = 60): TokenRefresher {
  let stored = tokens;
  return new TokenRefresher(
    {
      load: async () => stored,
      save: async (t) => void (stored = t),
      refresh: (rt) => refreshTokens({ provider, client: { clientId: 'mail-test-client' }, email: user.address }, rt),
      marginSeconds,
    },
    user.address,
  );
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const loginsBy = (user: MailUser, method: string): number =>
  countLogLines(server, new RegExp(`imap-login: Info: Login: user=<${esc(user.address)}>, method=${method}`));

describe('OAuth2 sign-in against the test bed', () => {
  it('signs in with consent, then logs in to IMAP with OAUTHBEARER', async () => {
    const user = await createMailUser(server, 'oauth-bearer');
    const tokens = await signIn(user);
    expect(tokens.accessToken).toMatch(/^at-/);
    expect(tokens.refreshToken).toMatch(/^rt-/);
    const auth = oauthAuthenticator(refresherFor(tokens, user));
    expect(await testImap(imaps, user.address, auth, { trustedCa: [server.caPem] })).toEqual({ ok: true });
    expect(await waitForLogCount(() => loginsBy(user, 'OAUTHBEARER'), 1)).toBe(1);
  });

  it('falls back to XOAUTH2 where the server offers only that', async () => {
    const user = await createMailUser(server, 'oauth-x');
    const tokens = await signIn(user);
    const proxy = await startImapFilterProxy(
      { port: server.ports.imaps, caPem: server.caPem },
      { hide: ['AUTH=OAUTHBEARER'] },
    );
    cleanup.push(() => proxy.close());
    const client = createImapClient(
      { host: '127.0.0.1', port: proxy.port, security: 'plain' },
      { username: user.address, accessToken: tokens.accessToken },
      { qresync: false },
    );
    client.on('error', () => undefined);
    await client.connect();
    cleanup.push(() => client.logout());
    expect(proxy.commands.some((c) => /^AUTHENTICATE XOAUTH2/i.test(c.line))).toBe(true);
    expect(await waitForLogCount(() => loginsBy(user, 'XOAUTH2'), 1)).toBe(1);
  });

  it('authenticates SMTP submission with XOAUTH2', async () => {
    const user = await createMailUser(server, 'oauth-smtp');
    const tokens = await signIn(user);
    const auth = oauthAuthenticator(refresherFor(tokens, user));
    expect(await testSmtp(submission, user.address, auth, { trustedCa: [server.caPem] })).toEqual({ ok: true });
    // and sends: the engine's submission with the token source in place of the password
    const sent = await submitMessage({
      server: submission,
      username: user.address,
      password: '',
      login: await auth.smtpCredentials(user.address),
      security: { trustedCa: [server.caPem] },
      raw: Buffer.from(`From: ${user.address}\r\nTo: ${user.address}\r\nSubject: via XOAUTH2\r\n\r\nhello\r\n`),
      envelope: { from: user.address, to: [user.address] },
      beforeTransaction: () => true,
    });
    expect(sent.accepted).toEqual([user.address]);
    const authenticated = new RegExp(`sasl_method=XOAUTH2, sasl_username=${esc(user.address)}`);
    expect(await waitForLogCount(() => countLogLines(server, authenticated, 'postfix'), 1)).toBe(1);
  });

  it('a token the provider does not know is refused', async () => {
    const user = await createMailUser(server, 'oauth-forged');
    const client = new ImapFlow({
      host: server.host,
      port: server.ports.imaps,
      secure: true,
      tls: { ca: [server.caPem] },
      auth: { user: user.address, accessToken: 'at-forged' },
      logger: false,
    });
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
    expect(await waitForLogCount(() => oauthRefusals(server, user.address), 1)).toBe(1);
  });

  it('consent denied ends the sign-in with a clear error and no code exchanged', async () => {
    const user = await createMailUser(server, 'oauth-deny');
    const before = await oauthStats(server.oauth.url);
    const error = await signIn(user, 'deny').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthDeniedError);
    expect((error as Error).message).toMatch(/Access was not granted/);
    expect((await oauthStats(server.oauth.url)).codeExchanges).toBe(before.codeExchanges);
  });

  it('a provider without a client id in this build says so', async () => {
    const user = await createMailUser(server, 'oauth-noclient');
    const error = await authorize({ provider, env: {}, loginHint: user.address, openUrl: () => undefined }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OAuthNotConfiguredError);
    expect((error as Error).message).toContain('MAIL_OAUTH_TESTBED_CLIENT_ID');
  });
});
