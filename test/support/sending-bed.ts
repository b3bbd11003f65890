// The sending side without the whole service: a Store, the account's IMAP runtime and the
// SendingService, wired the way the facade wires them (the runtime's "online" wakes the outbox,
// a changed Sent or Drafts folder is synced). The sending and drafts suites share it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxItem } from '../../shared/compose';
import type { AccountSettings } from '../../shared/domain';
import type { Emit } from '../../electron/core/events';
import { AccountRuntime } from '../../electron/core/imap/account-runtime';
import { SendingService, type OriginalMessage } from '../../electron/core/smtp/sending-service';
import { Store } from '../../electron/core/store/store';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import type { TestCleanup } from './cleanup';
import { accountSettings } from './core-harness';
import { waitFor } from './wait';

export interface SendingBed {
  store: Store;
  runtime: AccountRuntime;
  sending: SendingService;
  accountId: string;
  dataDir: string;
  events: { event: string; payload: unknown }[];
  outboxEvents(): OutboxItem[];
  /** Stops everything and closes the database, keeping the profile (a quit, or a crash's aftermath). */
  stop(): Promise<void>;
}

export interface SendingBedOptions {
  /** An existing profile to open again (its account is reused); a new temporary one otherwise. */
  dataDir?: string;
  settings?: Partial<AccountSettings>;
  /** False: built but not started, for a test that changes something first. */
  start?: boolean;
  /** The service's loadOriginal for replies and forwards; without it, asking for one fails. */
  loadOriginal?: (store: Store, runtime: AccountRuntime, id: number) => Promise<OriginalMessage>;
  /** The sending side's clock (send later across a restart); the real one by default. */
  now?: () => number;
}

export async function startSendingBed(
  server: MailServerInfo,
  user: MailUser,
  cleanup: TestCleanup,
  options: SendingBedOptions = {},
): Promise<SendingBed> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'sending-'));
  const store = Store.open(dataDir);
  const settings = accountSettings(server, user, {
    displayName: `User ${user.name}`,
    syncIntervalSeconds: 1,
    ...options.settings,
  });
  const account = store.accounts.list()[0] ?? store.accounts.insert(settings, Buffer.from('x'));
  const events: { event: string; payload: unknown }[] = [];
  let sending: SendingService | null = null;
  // Records every event; the hub's Emit is generic over the event name, a recorder is not.
  const emit = ((event: string, payload: unknown) => {
    events.push({ event, payload });
    if (event === 'account.status' && (payload as { state: string }).state === 'online')
      sending?.onAccountOnline(account.id);
  }) as unknown as Emit;
  const runtime = new AccountRuntime(account, {
    store,
    emit,
    password: async () => user.password,
    trustedCa: [server.caPem],
    intervalSeconds: 1,
  });
  const loadOriginal = options.loadOriginal;
  sending = new SendingService({
    store,
    emit,
    trustedCa: [server.caPem],
    password: async () => user.password,
    imap: () => runtime,
    loadOriginal: loadOriginal
      ? (id) => loadOriginal(store, runtime, id)
      : async () => {
          throw new Error('no originals in these tests');
        },
    isOnline: () => runtime.currentStatus.state === 'online',
    mailboxChanged: (accountId, mailboxPath) => {
      const box = store.mailboxes.byPath(accountId, mailboxPath);
      if (box) runtime.requestSync(box.id);
    },
    retry: { baseMs: 300, maxMs: 2_000 },
    now: options.now,
  });
  const s = sending;
  let stopped = false;
  const bed: SendingBed = {
    store,
    runtime,
    sending: s,
    accountId: account.id,
    dataDir,
    events,
    outboxEvents: () =>
      events.filter((e) => e.event === 'outbox.changed').map((e) => (e.payload as { item: OutboxItem }).item),
    async stop() {
      if (stopped) return;
      stopped = true;
      await s.stop();
      await runtime.stop();
      store.close();
    },
  };
  cleanup.push(async () => {
    await bed.stop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  if (options.start !== false) {
    runtime.start();
    s.start();
    await waitFor(() => runtime.currentStatus.state === 'online', { what: `${user.name} online` });
  }
  return bed;
}
