// An account whose IMAP goes through a proxy the test can cut, its Inbox holding `messages`
// (appended by another device) and synced: where the tests that read with the server out of
// reach begin.
import type { MailServerInfo } from '../mailserver/types';
import type { TestCleanup } from './cleanup';
import { addAccount, otherDevice, startCore, syncedInbox } from './core-harness';
import { createMailUser } from './mail-users';
import { startTcpProxy } from './tcp-proxy';

export async function syncedOverProxy(
  server: MailServerInfo,
  cleanup: TestCleanup,
  name: string,
  messages: readonly string[],
) {
  const user = await createMailUser(server, name);
  const other = await otherDevice(server, user);
  cleanup.push(() => other.logout());
  for (const message of messages) await other.append('INBOX', message);
  const proxy = await startTcpProxy(server.ports.imaps);
  cleanup.push(() => proxy.close());
  const core = await startCore(server, { reconnect: { baseMs: 200, maxMs: 1_000, healthyMs: 5_000 } });
  cleanup.push(() => core.close(true));
  const account = await addAccount(core, server, user, {
    imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
  });
  const { headers } = await syncedInbox(core, account.id, messages.length);
  return { core, proxy, headers };
}
