// Editing an account's servers after setup (shared/contract-server-settings.ts): the new settings
// are tested with the account's own sign-in (or a password given for the change) and saved only
// when both servers accepted. A new IMAP server (host, port or user name: another mailbox store)
// drops the cached mail and queued actions of the old one, so the account syncs from the start
// instead of mixing two servers' UIDs; a change of security or of the SMTP server keeps the cache.
// A POP3 account's server is the `imap` slot of the settings; its local mail is never dropped
// (it is the only copy), only the old server's UIDLs are set apart (Pop3Repo.serverChanged).
import type { ServerSettingsMethodName } from '../../../shared/contract-server-settings';
import type { Account, AccountId, ServerSettings } from '../../../shared/domain';
import type { MethodHandlers } from '../method-handlers';
import type { CoreLog } from '../net/log';
import type { PinLookup } from '../net/tls-options';
import { notFound } from '../service-error';
import type { Store } from '../store/store';
import type { AccountSecrets } from './account-secrets';
import type { Authenticator } from './auth/authenticator';
import { passwordAuthenticator } from './auth/password-authenticator';
import { testConnection } from './connection-test';
import type { OAuthAccounts } from './oauth-accounts';

export interface ServerSettingsHandlerDeps {
  store: Store;
  secrets: AccountSecrets;
  oauth: OAuthAccounts;
  trustedCa?: readonly string[];
  pins?: PinLookup;
  /** Stops the account's connections, runs `change`, then starts them again (the service). */
  restartAccount(accountId: AccountId, change: () => Promise<void>): Promise<void>;
  accountsChanged(accountId: AccountId): void;
  testTimeoutMs?: number;
  log?: CoreLog;
}

/** Another mailbox store: what the cache holds belongs to the old one. */
export function sameImapServer(account: Account, username: string, imap: ServerSettings): boolean {
  return (
    account.imap.host.toLowerCase() === imap.host.toLowerCase() &&
    account.imap.port === imap.port &&
    account.username === username
  );
}

export function createServerSettingsHandlers(
  deps: ServerSettingsHandlerDeps,
): MethodHandlers<ServerSettingsMethodName> {
  const accountOf = (accountId: AccountId): Account => {
    const account = deps.store.accounts.get(accountId);
    if (!account) throw notFound('The account');
    return account;
  };
  const authenticatorFor = (account: Account, password: string | undefined): Authenticator =>
    password !== undefined
      ? passwordAuthenticator(password)
      : account.oauthProvider
        ? deps.oauth.authenticator(account)
        : passwordAuthenticator(() => deps.secrets.password(account.id));
  const test = (args: Parameters<MethodHandlers<ServerSettingsMethodName>['accounts.testServers']>[0]) => {
    const account = accountOf(args.accountId);
    return testConnection(args.settings, authenticatorFor(account, args.password), {
      trustedCa: deps.trustedCa,
      pins: deps.pins,
      plaintextConfirmed: args.plaintextConfirmed ?? deps.secrets.plaintextConfirmed(account.id),
      ...(deps.testTimeoutMs ? { timeoutMs: deps.testTimeoutMs } : {}),
      ...(deps.log ? { log: deps.log } : {}),
    });
  };

  return {
    'accounts.testServers': (args) => test(args),
    'accounts.updateServers': async (args) => {
      const account = accountOf(args.accountId);
      const result = await test(args);
      if (!result.imap.ok || !result.smtp.ok) return { outcome: 'test-failed' as const, test: result };
      const { username, imap, smtp } = args.settings;
      const resync = !sameImapServer(account, username, imap);
      await deps.restartAccount(account.id, async () => {
        // a password given here is the account's sign-in from now on (OAuth2 → app password too)
        if (args.password !== undefined) {
          await deps.secrets.save(account.id, args.password);
          deps.oauth.forget(account.id);
        }
        deps.store.transaction(() => {
          deps.store.accounts.setServers(
            account.id,
            { username, imap, smtp },
            args.password !== undefined ? null : (account.oauthProvider ?? null),
          );
          if (account.protocol === 'pop3') {
            // POP3 keeps its mail only here: never dropped; the other server's UIDLs are set apart
            deps.store.pop3.register(account.id, imap);
            if (resync) deps.store.pop3.serverChanged(account.id);
          } else if (resync) deps.store.accounts.forgetServerState(account.id);
        });
      });
      deps.log?.('info', `account ${account.id}: servers changed`, { resync, imap: imap.host, smtp: smtp.host });
      deps.accountsChanged(account.id);
      return { outcome: 'saved' as const, account: accountOf(account.id), resynced: resync };
    },
  };
}
