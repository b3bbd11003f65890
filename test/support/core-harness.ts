// Starts the real mail core (createMailService) against the test bed, the way the shells do,
// with a throwaway profile directory and the run's CA as the one extra trusted certificate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Account, AccountSettings, Mailbox } from '../../shared/domain';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import type { BackoffOptions, ReconnectPolicy } from '../../electron/core/net/backoff';
import { createMailService } from '../../electron/core/service';
import type { MailService, MailServiceOptions } from '../../electron/core/service-api';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { waitFor } from './wait';

export interface CoreHandle {
  service: MailService;
  dataDir: string;
  events: { event: EventName; payload: unknown }[];
  eventsOf<E extends EventName>(event: E): EventPayload<E>[];
  /** Closes the service; keeps the profile unless `remove` is set. */
  close(remove?: boolean): Promise<void>;
}

export async function startCore(
  server: MailServerInfo,
  options: {
    dataDir?: string;
    offline?: boolean;
    /** The background body download: off unless a test is about it. */
    offlineBodies?: boolean;
    intervalSeconds?: number;
    reconnect?: ReconnectPolicy;
    opRetry?: BackoffOptions;
    /** OAuth2 client configuration (oauthTestEnv in test/support/oauth-consent.ts). */
    oauthEnv?: Record<string, string>;
    /** A large first sync's connections and from how many messages it splits (split-first-sync.test.ts). */
    syncConnections?: number;
    splitMinMessages?: number;
    log?: MailServiceOptions['log'];
  } = {},
): Promise<CoreHandle> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'mail-core-'));
  const service = await createMailService({
    dataDir,
    cipher: new KeyFileCipher(path.join(dataDir, 'secret.key')),
    trustedCa: [server.caPem],
    offline: options.offline,
    offlineBodies: options.offlineBodies ?? false,
    defaultSyncIntervalSeconds: options.intervalSeconds ?? 2,
    reconnect: options.reconnect,
    opRetry: options.opRetry,
    ...(options.oauthEnv ? { oauthEnv: options.oauthEnv } : {}),
    ...(options.syncConnections !== undefined ? { syncConnections: options.syncConnections } : {}),
    ...(options.splitMinMessages !== undefined ? { splitMinMessages: options.splitMinMessages } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const events: { event: EventName; payload: unknown }[] = [];
  service.onEvent((event, payload) => events.push({ event, payload }));
  return {
    service,
    dataDir,
    events,
    eventsOf: <E extends EventName>(event: E) =>
      events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>),
    async close(remove = false) {
      await service.close();
      if (remove) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function accountSettings(
  server: MailServerInfo,
  user: MailUser,
  overrides: Partial<AccountSettings> = {},
): AccountSettings {
  return {
    name: user.address,
    email: user.address,
    displayName: user.name,
    username: user.address,
    imap: { host: server.host, port: server.ports.imaps, security: 'tls' },
    smtp: { host: server.host, port: server.ports.submission, security: 'starttls' },
    syncIntervalSeconds: 2,
    ...overrides,
  };
}

export async function addAccount(
  core: CoreHandle,
  server: MailServerInfo,
  user: MailUser,
  overrides: Partial<AccountSettings> = {},
  password = user.password,
): Promise<Account> {
  return core.service.call('accounts.add', { settings: accountSettings(server, user, overrides), password });
}

export async function mailboxByRole(core: CoreHandle, accountId: string, role: Mailbox['role']): Promise<Mailbox> {
  return waitFor(async () => (await core.service.call('mailboxes.list', { accountId })).find((m) => m.role === role), {
    what: `the ${role} mailbox`,
  });
}

export async function mailboxByPath(core: CoreHandle, accountId: string, path: string): Promise<Mailbox> {
  return waitFor(async () => (await core.service.call('mailboxes.list', { accountId })).find((m) => m.path === path), {
    what: `the mailbox ${path}`,
  });
}

/** Every header of a mailbox as the list would show it. */
export async function allHeaders(core: CoreHandle, mailboxId: number) {
  const { total } = await core.service.call('messages.window', { mailboxId, offset: 0, limit: 1 });
  const out = [];
  for (let offset = 0; offset < Math.max(total, 1); offset += 1000)
    out.push(...(await core.service.call('messages.window', { mailboxId, offset, limit: 1000 })).messages);
  return out;
}

/** The account's Inbox once the engine holds `count` messages there, with their headers. */
export async function syncedInbox(core: CoreHandle, accountId: string, count: number) {
  const inbox = await mailboxByRole(core, accountId, 'inbox');
  const headers = await waitFor(
    async () => {
      const all = await allHeaders(core, inbox.id);
      return all.length === count ? all : null;
    },
    { what: `${count} messages in the Inbox` },
  );
  return { inbox, headers };
}

/** "Another device": a plain imapflow connection of the same user. */
export async function otherDevice(server: MailServerInfo, user: MailUser): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    auth: { user: user.address, pass: user.password },
    tls: { ca: [server.caPem] },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
