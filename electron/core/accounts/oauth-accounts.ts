// The engine's OAuth2 accounts: their tokens (sealed in the account's secret, as a password is),
// one TokenRefresher each, the credentials IMAP and SMTP log in with, and the sign-in flows under
// way (accounts added through a provider's page, or signed in again after a refusal).
// A flow is two calls: start() makes the authorization URL for the UI to open in the system
// browser (the desktop shell hands it to the OS, the browser shell opens a new tab), complete()
// waits for the provider's answer at the loopback listener and exchanges the code.
import { randomUUID } from 'node:crypto';
import type { Account, AccountId, AccountSettings } from '../../../shared/domain';
import type { ImapCredentials } from '../imap/client-factory';
import type { Store } from '../store/store';
import { OAuthDeniedError, authorizationUrl } from './auth/authorize';
import type { Authenticator, SmtpLogin } from './auth/authenticator';
import { startLoopbackListener, type LoopbackListener } from './auth/loopback-listener';
import { oauthAuthenticator } from './auth/oauth-authenticator';
import {
  configuredProvider,
  oauthClient,
  OAuthNotConfiguredError,
  type Environment,
  type OAuthClient,
} from './auth/oauth-clients';
import { OAUTH_PROVIDERS, oauthProvider, oauthProviderFor, type OAuthProvider } from './auth/oauth-providers';
import { openTokens, sealTokens, type OAuthTokens } from './auth/oauth-tokens';
import { createPkce, newState, type Pkce } from './auth/pkce';
import { exchangeCode, refreshTokens, revokeToken, SignInAgainError } from './auth/token-endpoint';
import { TokenRefresher } from './auth/token-refresher';
import type { SecretCipher } from './secret-cipher';

interface Flow {
  provider: OAuthProvider;
  client: OAuthClient;
  email: string;
  pkce: Pkce;
  listener: LoopbackListener;
  /** Signing an existing account in again. */
  accountId?: AccountId;
}

export interface OAuthProviderInfo {
  id: string;
  name: string;
  /** This build has a client id for it (oauth-clients.ts). */
  configured: boolean;
}

const FLOW_TIMEOUT_MS = 5 * 60_000;

export class OAuthAccounts {
  private readonly refreshers = new Map<AccountId, TokenRefresher>();
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly store: Store,
    private readonly cipher: SecretCipher,
    private readonly env: Environment,
    private readonly table: readonly OAuthProvider[] = OAUTH_PROVIDERS,
  ) {}

  providers(): OAuthProviderInfo[] {
    return this.table.map((p) => ({ id: p.id, name: p.name, configured: oauthClient(p, this.env) !== null }));
  }

  /** The provider that signs in for a discovery preset or these servers, as this build sees it. */
  providerFor(where: { presetId?: string; hosts: readonly string[] }): OAuthProviderInfo | null {
    const table = this.table.map((p) => configuredProvider(p, this.env));
    const found =
      (where.presetId ? oauthProviderFor({ presetId: where.presetId }, table) : null) ??
      where.hosts.map((host) => oauthProviderFor({ host }, table)).find((p) => p !== null) ??
      null;
    return found ? { id: found.id, name: found.name, configured: oauthClient(found, this.env) !== null } : null;
  }

  isOAuth(accountId: AccountId): boolean {
    return this.store.accounts.get(accountId)?.oauthProvider !== undefined;
  }

  /** Begins a sign-in: the URL of the provider's page, for the UI to open in the system browser. */
  async start(providerId: string, email: string, accountId?: AccountId): Promise<{ flowId: string; url: string }> {
    const known = oauthProvider(providerId, this.table);
    if (!known) throw new Error(`No OAuth2 provider ${providerId}.`);
    const provider = configuredProvider(known, this.env);
    const client = oauthClient(provider, this.env);
    if (!client) throw new OAuthNotConfiguredError(provider);
    const pkce = createPkce();
    const state = newState();
    const listener = await startLoopbackListener({ state, timeoutMs: FLOW_TIMEOUT_MS });
    const flowId = randomUUID();
    this.flows.set(flowId, { provider, client, email, pkce, listener, ...(accountId ? { accountId } : {}) });
    // a flow nobody completes is dropped with its listener
    listener.answer.catch(() => this.flows.delete(flowId));
    const url = authorizationUrl(provider, client.clientId, {
      redirectUri: listener.redirectUri,
      state,
      challenge: pkce.challenge,
      loginHint: email,
    });
    return { flowId, url };
  }

  cancel(flowId: string): void {
    this.flows.get(flowId)?.listener.close();
    this.flows.delete(flowId);
  }

  /** Waits for the provider's answer and exchanges the code; throws OAuthDeniedError on a "no". */
  async complete(flowId: string): Promise<{ tokens: OAuthTokens; providerId: string; accountId?: AccountId }> {
    const flow = this.flows.get(flowId);
    if (!flow) throw new Error('This sign-in is over; start again.');
    try {
      const answer = await flow.listener.answer;
      if ('error' in answer) throw new OAuthDeniedError(flow.provider.name, answer.error);
      const tokens = await exchangeCode(
        { provider: flow.provider, client: flow.client, email: flow.email },
        answer.code,
        flow.pkce.verifier,
        flow.listener.redirectUri,
      );
      return { tokens, providerId: flow.provider.id, ...(flow.accountId ? { accountId: flow.accountId } : {}) };
    } finally {
      this.flows.delete(flowId);
      flow.listener.close();
    }
  }

  /** Inserts an account that signs in with these tokens. */
  async create(settings: AccountSettings, tokens: OAuthTokens): Promise<Account> {
    const id = randomUUID();
    const sealed = await sealTokens(this.cipher, tokens, id);
    return this.store.transaction(() => {
      const inserted = this.store.accounts.insert({ ...settings, oauthProvider: tokens.providerId }, sealed, id);
      this.store.accounts.setSecret(id, sealed, this.cipher.id);
      return inserted;
    });
  }

  /** The account signed in again: its new tokens replace the refused ones. */
  async signedInAgain(accountId: AccountId, tokens: OAuthTokens): Promise<void> {
    // an account that signed in with a password until now switches to OAuth2 here
    this.store.accounts.setOAuthProvider(accountId, tokens.providerId);
    this.refreshers.delete(accountId);
    await this.refresher(accountId).replace(tokens);
  }

  /** The account's sign-in as an Authenticator (the connection test of new server settings). */
  authenticator(account: Account): Authenticator {
    return oauthAuthenticator(this.refresher(account.id));
  }

  /** What `account` logs in to IMAP with. */
  async imapCredentials(account: Account): Promise<ImapCredentials> {
    return oauthAuthenticator(this.refresher(account.id)).imapCredentials(account.username);
  }

  async smtpLogin(account: Account): Promise<SmtpLogin> {
    return oauthAuthenticator(this.refresher(account.id)).smtpCredentials(account.username);
  }

  /**
   * A server refused the account's access token. True: one refresh is due, try again; false: the
   * account must be signed in again (signInAgain(accountId) says why).
   */
  refused(accountId: AccountId): boolean {
    return this.refresher(accountId).refused();
  }

  signInAgain(accountId: AccountId): SignInAgainError | null {
    return this.refreshers.get(accountId)?.signInAgain ?? null;
  }

  /**
   * The account is being removed: its refresh token is revoked at the provider (RFC 7009) where
   * the provider has an endpoint for it, so the grant does not outlive the account. Best effort.
   */
  async revoke(account: Account): Promise<void> {
    const known = oauthProvider(account.oauthProvider ?? '', this.table);
    const provider = known ? configuredProvider(known, this.env) : null;
    const client = provider ? oauthClient(provider, this.env) : null;
    const secret = this.store.accounts.sealedSecret(account.id);
    if (!provider?.revokeUrl || !client || !secret) return;
    const tokens = await openTokens(this.cipher, secret.sealed, account.id);
    if (tokens) await revokeToken({ provider, client, email: account.email }, tokens.refreshToken);
  }

  forget(accountId: AccountId): void {
    this.refreshers.delete(accountId);
  }

  close(): void {
    for (const flow of this.flows.values()) flow.listener.close();
    this.flows.clear();
  }

  private refresher(accountId: AccountId): TokenRefresher {
    let refresher = this.refreshers.get(accountId);
    if (refresher) return refresher;
    const account = this.store.accounts.get(accountId);
    const email = account?.email ?? 'this account';
    refresher = new TokenRefresher(
      {
        load: async () => {
          const secret = this.store.accounts.sealedSecret(accountId);
          const tokens = secret ? await openTokens(this.cipher, secret.sealed, accountId).catch(() => null) : null;
          if (!tokens) throw new SignInAgainError(email, 'no sign-in is stored for it here');
          return tokens;
        },
        save: async (tokens) =>
          this.store.accounts.setSecret(accountId, await sealTokens(this.cipher, tokens, accountId), this.cipher.id),
        refresh: (refreshToken) => {
          const known = oauthProvider(account?.oauthProvider ?? '', this.table);
          const provider = known ? configuredProvider(known, this.env) : null;
          const client = provider ? oauthClient(provider, this.env) : null;
          if (!provider || !client)
            return Promise.reject(new SignInAgainError(email, 'this build has no client id for its provider'));
          return refreshTokens({ provider, client, email }, refreshToken);
        },
      },
      email,
    );
    this.refreshers.set(accountId, refresher);
    return refresher;
  }
}
