// The engine against the test Dovecot through the capability-filtering proxy: a core with one
// account whose IMAP goes through the proxy (cleartext to the proxy on loopback, TLS beyond).
import type { Account } from '../../shared/domain';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { addAccount, startCore, type CoreHandle } from './core-harness';
import { startImapFilterProxy, type ImapFilterOptions, type ImapFilterProxy } from './imap-filter-proxy';

export interface FilteredAccount {
  core: CoreHandle;
  account: Account;
  proxy: ImapFilterProxy;
  close(): Promise<void>;
}

export async function startFilteredAccount(
  server: MailServerInfo,
  user: MailUser,
  filter: ImapFilterOptions,
  options: Parameters<typeof startCore>[1] = {},
): Promise<FilteredAccount> {
  const proxy = await startImapFilterProxy({ port: server.ports.imaps, caPem: server.caPem }, filter);
  const core = await startCore(server, options);
  const account = await addAccount(core, server, user, {
    imap: { host: '127.0.0.1', port: proxy.port, security: 'plain' },
  });
  return {
    core,
    account,
    proxy,
    async close() {
      await core.close(true);
      await proxy.close();
    },
  };
}
