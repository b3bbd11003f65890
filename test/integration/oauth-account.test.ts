// An OAuth2 account in the running engine, against the test bed: added through the provider's
// page (oauth.start / oauth.complete), it syncs and sends; an access token that expires is
// replaced without the user; one the server refuses is refreshed once; a revoked refresh token
// leaves the account asking to sign in again after exactly one refused login, and signing in
// again brings it back. "The provider" is Google pointed at test/support/oauth-server.ts.
import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../shared/domain';
import { withImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { oauthRefusals } from '../mailserver/logs';
import { sleep } from '../mailserver/processes';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { accountSettings, mailboxByRole, startCore, type CoreHandle } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { oauthControl, oauthStats, oauthTestEnv, signInAtProvider } from '../support/oauth-consent';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function core(): Promise<CoreHandle> {
  const handle = await startCore(server, {
    oauthEnv: oauthTestEnv(server.oauth.url),
    reconnect: { baseMs: 100, maxMs: 1_000, healthyMs: 6_000 },
  });
  cleanup.push(() => handle.close(true));
  return handle;
}

/** IMAP goes through a proxy that can drop the sessions: the next login shows what a token does. */
async function addOAuthAccount(handle: CoreHandle, user: MailUser) {
  const proxy = await startTcpProxy(server.ports.imaps);
  cleanup.push(() => proxy.close());
  const settings = accountSettings(server, user, { imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' } });
  const outcome = await signInAtProvider(handle.service, { email: user.address, settings });
  if (outcome.outcome !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  return { ...outcome.account, proxy };
}

const lastStatus = (handle: CoreHandle, accountId: string): AccountStatus | undefined =>
  handle
    .eventsOf('account.status')
    .filter((s) => s.accountId === accountId)
    .at(-1);

describe('an OAuth2 account', () => {
  it('is added through the provider page, syncs and sends', async () => {
    const user = await createMailUser(server, 'oauth-add');
    const handle = await core();
    const account = await addOAuthAccount(handle, user);
    expect(account.oauthProvider).toBe('google');
    await mailboxByRole(handle, account.id, 'inbox');
    await handle.service.call('outbox.send', {
      draft: composeDraft(account.id, { to: user.address, subject: 'Sent with a token', body: 'hi\n' }),
      undoSeconds: 0,
    });
    const subjects = await waitFor(
      () =>
        withImap(server, user, async (c) => {
          await c.mailboxOpen('INBOX');
          const found: string[] = [];
          for await (const m of c.fetch('1:*', { envelope: true })) found.push(m.envelope?.subject ?? '');
          return found.includes('Sent with a token') ? found : null;
        }).catch(() => null),
      { timeoutMs: 20_000, what: 'the message sent over XOAUTH2' },
    );
    expect(subjects).toContain('Sent with a token');
    expect(oauthRefusals(server, user.address)).toBe(0);
  });

  it('gets a new access token when the old one expires, without the user', async () => {
    const user = await createMailUser(server, 'oauth-expire');
    const handle = await core();
    // tokens that live 3 s: every login after the first needs a refreshed one
    await oauthControl(server.oauth.url, '/test/lifetime', { seconds: '3' });
    cleanup.push(() => oauthControl(server.oauth.url, '/test/lifetime', { seconds: '3600' }));
    const before = await oauthStats(server.oauth.url);
    const account = await addOAuthAccount(handle, user);
    await mailboxByRole(handle, account.id, 'inbox');
    await sleep(3_500);
    account.proxy.dropSessions();
    await handle.service.call('sync.now', { accountId: account.id });
    await waitFor(async () => (await oauthStats(server.oauth.url)).refreshes > before.refreshes, {
      what: 'a refresh',
    });
    await waitFor(() => lastStatus(handle, account.id)?.state === 'online', { what: 'online again' });
    expect(oauthRefusals(server, user.address)).toBe(0);
  });

  it('a token the server refuses is refreshed once and the login tried once more', async () => {
    const user = await createMailUser(server, 'oauth-refused');
    const handle = await core();
    const account = await addOAuthAccount(handle, user);
    await mailboxByRole(handle, account.id, 'inbox');
    await handle.service.settled();
    const before = await oauthStats(server.oauth.url);
    // the server forgets the token early (the engine believes it has an hour left)
    await oauthControl(server.oauth.url, '/test/expire', { user: user.address });
    account.proxy.dropSessions();
    await handle.service.call('sync.now', { accountId: account.id });
    await waitFor(async () => (await oauthStats(server.oauth.url)).refreshes > before.refreshes, {
      what: 'a refresh after the refusal',
    });
    await waitFor(() => lastStatus(handle, account.id)?.state === 'online', { what: 'online again' });
    await sleep(1_000);
    expect(oauthRefusals(server, user.address)).toBe(1);
    expect((await oauthStats(server.oauth.url)).refreshes - before.refreshes).toBe(1);
  });

  it('a revoked refresh token asks to sign in again after one refused login, and signing in again works', async () => {
    const user = await createMailUser(server, 'oauth-revoked');
    const handle = await core();
    const account = await addOAuthAccount(handle, user);
    await mailboxByRole(handle, account.id, 'inbox');
    await handle.service.settled();
    const before = await oauthStats(server.oauth.url);
    await oauthControl(server.oauth.url, '/test/revoke-user', { user: user.address });
    await oauthControl(server.oauth.url, '/test/expire', { user: user.address });
    account.proxy.dropSessions();
    await handle.service.call('sync.now', { accountId: account.id });
    const asked = await waitFor(
      () => handle.eventsOf('account.status').find((s) => s.accountId === account.id && s.state === 'auth-failed'),
      { what: 'the account to ask to sign in again' },
    );
    expect(asked.reason).toBe('auth');
    // no retry loop: more "sync now" and time change nothing on the server
    await handle.service.call('sync.now', { accountId: account.id });
    account.proxy.dropSessions();
    await sleep(3_000);
    await handle.service.call('sync.now', { accountId: account.id });
    await sleep(1_000);
    expect(oauthRefusals(server, user.address)).toBe(1);
    const after = await oauthStats(server.oauth.url);
    expect(after.refusedRefreshes - before.refusedRefreshes).toBe(1);

    // one click: the provider's page again, for this account
    const outcome = await signInAtProvider(handle.service, { email: user.address, accountId: account.id });
    expect(outcome.outcome).toBe('signed-in-again');
    await waitFor(() => lastStatus(handle, account.id)?.state === 'online', { what: 'online after signing in again' });
    expect(oauthRefusals(server, user.address)).toBe(1);
  });

  it('removing the account revokes its sign-in at the provider', async () => {
    const user = await createMailUser(server, 'oauth-removed');
    const handle = await core();
    const account = await addOAuthAccount(handle, user);
    await mailboxByRole(handle, account.id, 'inbox');
    const before = await oauthStats(server.oauth.url);
    await handle.service.call('accounts.remove', { accountId: account.id });
    const after = await oauthStats(server.oauth.url);
    expect(after.revocations - before.revocations).toBe(1);
  });

  it('consent denied adds nothing and says why', async () => {
    const user = await createMailUser(server, 'oauth-denied');
    const handle = await core();
    const outcome = await signInAtProvider(
      handle.service,
      { email: user.address, settings: accountSettings(server, user) },
      'deny',
    );
    expect(outcome).toEqual({ outcome: 'denied', message: expect.stringMatching(/Access was not granted/) });
    expect(await handle.service.call('accounts.list', {})).toEqual([]);
  });

  it('a provider this build has no client id for is refused with a clear message', async () => {
    const handle = await core();
    await expect(
      handle.service.call('oauth.start', { providerId: 'microsoft', email: 'someone@outlook.com' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/MAIL_OAUTH_MICROSOFT_CLIENT_ID/),
    });
    expect(await handle.service.call('oauth.providers', {})).toEqual([
      { id: 'google', name: 'Google', configured: true },
      { id: 'microsoft', name: 'Microsoft', configured: false },
    ]);
  });
});
