// The account-setup methods of the contract (shared/contract-accounts.ts): autodiscovery, the
// connection test, trusting a certificate, how secrets are kept, adding an account with the
// wizard's choices, and its settings afterwards. The service spreads these handlers into its
// own; inputs arrive validated.
import type { EventPayload } from '../../../shared/contract';
import type { AccountMethodName } from '../../../shared/contract-accounts';
import { isLoopbackHost } from '../../../shared/discovery';
import type { Account, AccountId } from '../../../shared/domain';
import type { MethodHandlers } from '../method-handlers';
import type { CoreLog } from '../net/log';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import { AccountSecrets } from './account-secrets';
import { passwordAuthenticator } from './auth/password-authenticator';
import { CertificatePins, SeenCertificates } from './cert-pins';
import { testConnection } from './connection-test';
import { createDnsResolver } from './discovery/dns-resolver';
import { dnsServerForTests } from './discovery/test-overrides';
import { discover, InvalidAddressError, type DiscoveryOptions } from './discovery/discover';
import { createHttpGet } from './discovery/http-get';
import type { DnsResolver, HttpGet } from './discovery/types';
import type { SecretCipher } from './secret-cipher';

export interface AccountHandlerDeps {
  store: Store;
  cipher: SecretCipher;
  /** Extra trusted CAs (PEM), as for mail connections; the system store still applies. */
  trustedCa?: readonly string[];
  emit: (event: 'discovery.progress', payload: EventPayload<'discovery.progress'>) => void;
  /** Announces an added or changed account ('accounts.changed'). */
  accountsChanged?: (change: EventPayload<'accounts.changed'>) => void;
  /** Discovery's network, injectable for tests; HTTPS and the system resolver by default. */
  http?: HttpGet;
  dns?: DnsResolver;
  /** Shared with the service, which asks it for every password (session-only ones included). */
  secrets?: AccountSecrets;
  /** Shared with the service, whose connections check the pins. */
  pins?: CertificatePins;
  /** Starts sync of an account 'accounts.create' just added (the service's startAccount). */
  startAccount?: (accountId: AccountId) => void;
  /** Applies changed settings to the running account (the service's sync interval). */
  accountUpdated?: (account: Account) => void;
  discovery?: Pick<DiscoveryOptions, 'ispdbBaseUrl' | 'timeoutMs' | 'probeTimeoutMs' | 'guessPlan' | 'presets'>;
  /** Connection and greeting deadline of each server in a connection test (default 10 s). */
  testTimeoutMs?: number;
  log?: CoreLog;
}

export type AccountHandlers = MethodHandlers<AccountMethodName>;

export function createAccountHandlers(deps: AccountHandlerDeps): AccountHandlers {
  const secrets = deps.secrets ?? new AccountSecrets(deps.store, deps.cipher);
  const pins = deps.pins ?? new CertificatePins(deps.store.db);
  const seen = new SeenCertificates();
  const http = deps.http ?? createHttpGet({ trustedCa: deps.trustedCa });
  const testDns = dnsServerForTests();
  const dns = deps.dns ?? createDnsResolver(testDns ? { servers: [testDns] } : {});

  return {
    'accounts.discover': async ({ email }) => {
      try {
        return await discover(email, {
          http,
          dns,
          ...deps.discovery,
          onProgress: (source, state) => deps.emit('discovery.progress', { email, source, state }),
        });
      } catch (error) {
        if (error instanceof InvalidAddressError) throw new ServiceError('invalid-input', error.message);
        throw error;
      }
    },

    'accounts.testConnection': ({ settings, password, plaintextConfirmed }) =>
      testConnection(settings, passwordAuthenticator(password), {
        trustedCa: deps.trustedCa,
        pins: pins.lookup,
        plaintextConfirmed: plaintextConfirmed ?? false,
        seen,
        ...(deps.testTimeoutMs ? { timeoutMs: deps.testTimeoutMs } : {}),
        ...(deps.log ? { log: deps.log } : {}),
      }),

    'accounts.trustCertificate': async ({ host, port, fingerprint256 }) => {
      const certificate = seen.find(host, port, fingerprint256);
      if (!certificate)
        throw new ServiceError(
          'not-found',
          `The certificate ${fingerprint256} was not seen from ${host}:${port} recently. Test the connection again, then trust it.`,
        );
      pins.pin(certificate);
      deps.log?.('info', `certificate pinned for ${host}:${port}`, { fingerprint256: certificate.info.fingerprint256 });
      return { ok: true as const };
    },

    'accounts.secretStorage': async () => ({ strength: deps.cipher.strength }),

    'accounts.create': async ({ settings, password, rememberPassword, plaintextConfirmed }) => {
      const unconfirmed = [settings.imap, settings.smtp].find(
        (server) => server.security === 'plain' && !isLoopbackHost(server.host),
      );
      if (unconfirmed && !plaintextConfirmed)
        throw new ServiceError(
          'invalid-input',
          `A password would go to ${unconfirmed.host} without encryption. Choose TLS or STARTTLS, or confirm the risk.`,
        );
      if (!deps.startAccount)
        throw new ServiceError('internal', 'accounts.create needs the service to start the account (startAccount).');
      const account = await secrets.create(settings, password, {
        rememberPassword,
        plaintextConfirmed: plaintextConfirmed ?? false,
      });
      deps.startAccount(account.id);
      deps.accountsChanged?.({ accountId: account.id });
      return account;
    },

    'accounts.update': async ({ accountId, ...changes }) => {
      const account = deps.store.accounts.update(accountId, changes);
      if (!account) throw notFound('The account');
      deps.accountUpdated?.(account);
      deps.accountsChanged?.({ accountId });
      return account;
    },

    'accounts.remoteSenders': async ({ accountId }) => deps.store.accounts.remoteSenders(accountId),

    'accounts.allowRemoteSender': async ({ accountId, address }) => {
      if (!deps.store.accounts.get(accountId)) throw notFound('The account');
      if (deps.store.accounts.allowRemoteSender(accountId, address)) deps.accountsChanged?.({ accountId });
      return { ok: true as const };
    },

    'accounts.forgetRemoteSender': async ({ accountId, address }) => {
      if (deps.store.accounts.forgetRemoteSender(accountId, address)) deps.accountsChanged?.({ accountId });
      return { ok: true as const };
    },
  };
}
