// An engine whose account's IMAP goes through the recording filter proxy, its Inbox holding
// `expected` messages once synced: where the tests that read which commands the engine sends
// across a reopen begin (the proxy's options can hide extensions or slow commands).
import type { MailServerInfo, MailUser } from '../mailserver/types';
import type { TestCleanup } from './cleanup';
import { addAccount, startCore, syncedInbox } from './core-harness';
import { startImapFilterProxy, type ImapFilterOptions } from './imap-filter-proxy';

export async function syncedThroughFilterProxy(
  server: MailServerInfo,
  cleanup: TestCleanup,
  user: MailUser,
  expected: number,
  options: ImapFilterOptions = {},
) {
  const proxy = await startImapFilterProxy({ port: server.ports.imaps, caPem: server.caPem }, options);
  cleanup.push(() => proxy.close());
  const core = await startCore(server);
  cleanup.push(() => core.close(true));
  const account = await addAccount(core, server, user, {
    imap: { host: '127.0.0.1', port: proxy.port, security: 'plain' },
  });
  const { inbox } = await syncedInbox(core, account.id, expected);
  return { proxy, core, account, inbox };
}
