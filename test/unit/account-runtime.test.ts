// AccountRuntime.start on a reopened profile: when the first pass will resync a complete INBOX
// large enough for its flag changes from elsewhere to go to the flag writer thread, that thread
// is started as the work connection begins to connect, so its start-up (loading its SQLite)
// overlaps the login and the server's SELECT instead of following the 200th change parsed
// (bench figure c2). A first sync, or an INBOX too small to ever stream, starts no thread.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { AccountRuntime } from '../../electron/core/imap/account-runtime';
import { STREAMED_FLAG_CHANGES } from '../../electron/core/imap/sync/streamed-flags';
import type { Store } from '../../electron/core/store/store';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord, testAccountSettings } from '../support/store-fixtures';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

/** A local port nothing listens on: the work connection's attempt is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A profile whose INBOX holds `messages`, complete (`synced`) or still in its first sync. */
async function profile(messages: number, synced: boolean) {
  const { store } = openTempStore(cleanup, 'mail-runtime-');
  const settings = {
    ...testAccountSettings,
    imap: { host: '127.0.0.1', port: await closedPort(), security: 'tls' as const },
  };
  const { account, box } = addTestAccount(store, undefined, settings);
  const inbox = box('INBOX');
  store.transaction(() => {
    store.messages.insertHeaders(
      inbox.id,
      Array.from({ length: messages }, (_, i) => headerRecord(i + 1)),
    );
    store.mailboxes.saveSyncState(inbox.id, {
      uidValidity: '1',
      highestModseq: '100',
      uidNext: messages + 1,
      syncedHighUid: messages,
      syncedLowUid: synced ? 1 : messages,
    });
  });
  return { store, account: store.accounts.get(account.id)! };
}

function startRuntime(store: Store, account: NonNullable<ReturnType<Store['accounts']['get']>>) {
  const runtime = new AccountRuntime(account, {
    store,
    emit: () => undefined,
    password: async () => 'x',
    intervalSeconds: 3_600,
    reconnect: { baseMs: 60_000, maxMs: 60_000, healthyMs: 60_000 },
  });
  cleanup.push(() => runtime.stop());
  runtime.start();
  return runtime;
}

describe('AccountRuntime.start', () => {
  it('starts the flag writer thread with the login when a complete INBOX will be resynced', async () => {
    const { store, account } = await profile(STREAMED_FLAG_CHANGES, true);
    expect(store.flagWriter.threadRunning).toBe(false);
    startRuntime(store, account);
    expect(store.flagWriter.threadRunning).toBe(true);
  });

  it('starts none for an INBOX still in its first sync, or too small to stream its changes', async () => {
    const first = await profile(STREAMED_FLAG_CHANGES, false);
    startRuntime(first.store, first.account);
    const small = await profile(STREAMED_FLAG_CHANGES - 1, true);
    startRuntime(small.store, small.account);
    expect(first.store.flagWriter.threadRunning).toBe(false);
    expect(small.store.flagWriter.threadRunning).toBe(false);
  });
});
