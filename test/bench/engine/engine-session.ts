// The engine as the shells run it (createMailService on a profile folder, the key-file cipher the
// browser shell uses), plus a read-only SQLite connection to the same mail.db, so the bench sees
// what is in the store without asking the engine. The test CA is trusted the way the browser shell
// trusts it (NODE_EXTRA_CA_CERTS, set by the runner when it forks the worker), not through
// `trustedCa`: that option makes every connection parse the whole system root store again.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AccountSettings } from '../../../shared/domain';
import { KeyFileCipher } from '../../../electron/core/accounts/key-file-cipher';
import { createMailService } from '../../../electron/core/service';
import { watchEngineMemory } from '../../../electron/shell/engine-memory';
import type { MailService } from '../../../electron/core/service-api';
import { KEY_FILE_NAME } from '../../../electron/shell/profile-dir';
import type { MailServerInfo, MailUser } from '../../mailserver/types';

export interface EngineSession {
  service: MailService;
  dataDir: string;
  db: Database.Database;
  /** Messages stored for a mailbox (the list's own table). */
  count(mailboxId: number): number;
  inboxId(): number | null;
  close(): Promise<void>;
}

/** No interval checks during the bench: only what the bench asks for (and IDLE) syncs. */
const INTERVAL_SECONDS = 86_400;

export function benchAccountSettings(server: MailServerInfo, user: MailUser): AccountSettings {
  return {
    name: user.address,
    email: user.address,
    displayName: user.name,
    username: user.address,
    imap: { host: server.host, port: server.ports.imaps, security: 'tls' },
    smtp: { host: server.host, port: server.ports.submission, security: 'starttls' },
    syncIntervalSeconds: INTERVAL_SECONDS,
  };
}

export async function openSession(
  dataDir: string,
  options: { offline?: boolean; offlineBodies?: boolean; syncConnections?: number } = {},
): Promise<EngineSession> {
  const service = await createMailService({
    dataDir,
    cipher: new KeyFileCipher(path.join(dataDir, KEY_FILE_NAME)),
    defaultSyncIntervalSeconds: INTERVAL_SECONDS,
    offline: options.offline,
    // the other figures (body opening above all) measure the engine without it
    offlineBodies: options.offlineBodies ?? false,
    // figure a compares one connection with one (1); a2 the engine as it ships (undefined)
    ...(options.syncConnections !== undefined ? { syncConnections: options.syncConnections } : {}),
  });
  // as both shells' engine processes do: f1 and a measure the engine as shipped
  watchEngineMemory(service, process.env);
  const db = new Database(path.join(dataDir, 'mail.db'), { readonly: true, fileMustExist: true });
  // The trigger-kept count, committed with the rows it counts: a COUNT(*) of 50,000 rows after
  // every batch would be the bench's own work, billed to the engine's process.
  const countStmt = db.prepare('SELECT message_count FROM mailboxes WHERE id = ?').pluck();
  const inboxStmt = db.prepare("SELECT id FROM mailboxes WHERE path = 'INBOX' LIMIT 1").pluck();
  return {
    service,
    dataDir,
    db,
    count: (mailboxId) => countStmt.get(mailboxId) as number,
    inboxId: () => (inboxStmt.get() as number | undefined) ?? null,
    async close() {
      await service.close();
      db.close();
    },
  };
}

/** Rejects after `ms` with a message that says what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
