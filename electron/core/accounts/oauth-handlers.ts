// The OAuth2 methods of the contract (shared/contract-oauth.ts). Adding an account tests IMAP and
// SMTP with the new token before anything is stored, as the password wizard does with its
// connection test; signing in again stores the new tokens and lets the account's connections
// resume. The service spreads these handlers into its own.
import type { OAuthMethodName } from '../../../shared/contract-oauth';
import type { Account, AccountId } from '../../../shared/domain';
import type { MethodHandlers } from '../method-handlers';
import type { CoreLog } from '../net/log';
import type { PinLookup } from '../net/tls-options';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import { OAuthDeniedError } from './auth/authorize';
import { oauthAuthenticator } from './auth/oauth-authenticator';
import { OAuthNotConfiguredError } from './auth/oauth-clients';
import type { OAuthTokens } from './auth/oauth-tokens';
import { TokenRefresher } from './auth/token-refresher';
import { testConnection } from './connection-test';
import type { OAuthAccounts } from './oauth-accounts';

export interface OAuthHandlerDeps {
  store: Store;
  oauth: OAuthAccounts;
  trustedCa?: readonly string[];
  pins?: PinLookup;
  /** Starts sync of the added account (the service's startAccount). */
  startAccount(accountId: AccountId): void;
  /** The account signed in again: the refusal is lifted and its connections resume. */
  signedInAgain(accountId: AccountId): void;
  accountsChanged(accountId: AccountId): void;
  testTimeoutMs?: number;
  log?: CoreLog;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Tokens not stored anywhere yet: what the connection test of a new account signs in with. */
function unsavedRefresher(tokens: OAuthTokens, email: string): TokenRefresher {
  let current = tokens;
  return new TokenRefresher(
    {
      load: async () => current,
      save: async (t) => void (current = t),
      // a brand-new token is not refreshed: a refusal of it is the answer
      refresh: async () => Promise.reject(new Error('not refreshed during the test')),
      // however short its life, a token just issued is used as it is
      marginSeconds: 0,
    },
    email,
  );
}

export function createOAuthHandlers(deps: OAuthHandlerDeps): MethodHandlers<OAuthMethodName> {
  const finish = async (
    completed: { tokens: OAuthTokens; providerId: string; accountId?: AccountId },
    settings: Parameters<OAuthAccounts['create']>[0] | undefined,
  ) => {
    if (completed.accountId) {
      const account = deps.store.accounts.get(completed.accountId);
      if (!account) throw notFound('The account');
      await deps.oauth.signedInAgain(account.id, completed.tokens);
      deps.signedInAgain(account.id);
      deps.log?.('info', `account ${account.id} signed in again with ${completed.providerId}`);
      deps.accountsChanged(account.id);
      return { outcome: 'signed-in-again' as const, account: deps.store.accounts.get(account.id) ?? account };
    }
    if (!settings) throw new ServiceError('invalid-input', 'oauth.complete needs the settings of the account to add.');
    const test = await testConnection(
      settings,
      oauthAuthenticator(unsavedRefresher(completed.tokens, settings.email)),
      {
        trustedCa: deps.trustedCa,
        pins: deps.pins,
        ...(deps.testTimeoutMs ? { timeoutMs: deps.testTimeoutMs } : {}),
        ...(deps.log ? { log: deps.log } : {}),
      },
    );
    if (!test.imap.ok || !test.smtp.ok) return { outcome: 'test-failed' as const, test };
    const account: Account = await deps.oauth.create(settings, completed.tokens);
    deps.startAccount(account.id);
    deps.accountsChanged(account.id);
    return { outcome: 'added' as const, account };
  };

  return {
    'oauth.providers': async () => deps.oauth.providers(),
    'oauth.providerFor': async ({ presetId, hosts }) =>
      deps.oauth.providerFor({ hosts, ...(presetId ? { presetId } : {}) }),
    'oauth.start': async ({ providerId, email, accountId }) => {
      if (accountId && !deps.store.accounts.get(accountId)) throw notFound('The account');
      try {
        return await deps.oauth.start(providerId, email, accountId);
      } catch (error) {
        if (error instanceof OAuthNotConfiguredError) throw new ServiceError('invalid-input', error.message);
        throw error;
      }
    },
    'oauth.complete': async ({ flowId, settings }) => {
      let completed: Awaited<ReturnType<OAuthAccounts['complete']>>;
      try {
        completed = await deps.oauth.complete(flowId);
      } catch (error) {
        if (error instanceof OAuthDeniedError) return { outcome: 'denied' as const, message: error.message };
        return { outcome: 'failed' as const, message: messageOf(error) };
      }
      return finish(completed, settings);
    },
    'oauth.cancel': async ({ flowId }) => {
      deps.oauth.cancel(flowId);
      return { ok: true as const };
    },
  };
}
