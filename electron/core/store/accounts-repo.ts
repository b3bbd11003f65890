// Account rows. The secret column only ever holds SecretCipher output.
import { randomUUID } from 'node:crypto';
import type { Account, AccountId, AccountSettings, Quota, Security } from '../../../shared/domain';
import type { Db } from './database';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  display_name: string;
  username: string;
  imap_host: string;
  imap_port: number;
  imap_security: Security;
  smtp_host: string;
  smtp_port: number;
  smtp_security: Security;
  signature: string | null;
  server_saves_sent: number;
  sync_interval_seconds: number;
  created_at: number;
  quota_used: number | null;
  quota_limit: number | null;
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    displayName: row.display_name,
    username: row.username,
    imap: { host: row.imap_host, port: row.imap_port, security: row.imap_security },
    smtp: { host: row.smtp_host, port: row.smtp_port, security: row.smtp_security },
    signature: row.signature ?? undefined,
    serverSavesSent: row.server_saves_sent === 1,
    syncIntervalSeconds: row.sync_interval_seconds,
    createdAt: row.created_at,
  };
}

const COLUMNS =
  'id, name, email, display_name, username, imap_host, imap_port, imap_security, smtp_host, smtp_port, ' +
  'smtp_security, signature, server_saves_sent, sync_interval_seconds, created_at, quota_used, quota_limit';

export class AccountsRepo {
  constructor(private readonly db: Db) {}

  list(): Account[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY created_at, id`).all() as AccountRow[];
    return rows.map(toAccount);
  }

  get(id: AccountId): Account | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  insert(settings: AccountSettings, secret: Buffer): Account {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO accounts (id, name, email, display_name, username, imap_host, imap_port, imap_security,
           smtp_host, smtp_port, smtp_security, signature, server_saves_sent, sync_interval_seconds, secret, created_at)
         VALUES (@id, @name, @email, @displayName, @username, @imapHost, @imapPort, @imapSecurity,
           @smtpHost, @smtpPort, @smtpSecurity, @signature, @serverSavesSent, @syncInterval, @secret, @createdAt)`,
      )
      .run({
        id,
        name: settings.name,
        email: settings.email,
        displayName: settings.displayName,
        username: settings.username,
        imapHost: settings.imap.host,
        imapPort: settings.imap.port,
        imapSecurity: settings.imap.security,
        smtpHost: settings.smtp.host,
        smtpPort: settings.smtp.port,
        smtpSecurity: settings.smtp.security,
        signature: settings.signature ?? null,
        serverSavesSent: settings.serverSavesSent ? 1 : 0,
        syncInterval: settings.syncIntervalSeconds ?? 60,
        secret,
        createdAt: Date.now(),
      });
    return this.get(id)!;
  }

  remove(id: AccountId): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
  }

  secret(id: AccountId): Buffer | null {
    const row = this.db.prepare('SELECT secret FROM accounts WHERE id = ?').get(id) as
      { secret: Buffer | null } | undefined;
    return row?.secret ?? null;
  }

  setSecret(id: AccountId, secret: Buffer): void {
    this.db.prepare('UPDATE accounts SET secret = ? WHERE id = ?').run(secret, id);
  }

  setQuota(id: AccountId, usedBytes: number, limitBytes: number | null): void {
    this.db.prepare('UPDATE accounts SET quota_used = ?, quota_limit = ? WHERE id = ?').run(usedBytes, limitBytes, id);
  }

  quota(id: AccountId): Quota | null {
    const row = this.db.prepare('SELECT quota_used, quota_limit FROM accounts WHERE id = ?').get(id) as
      Pick<AccountRow, 'quota_used' | 'quota_limit'> | undefined;
    if (!row || row.quota_used === null) return null;
    return { accountId: id, usedBytes: row.quota_used, limitBytes: row.quota_limit };
  }
}
