// Account rows. The secret column only ever holds SecretCipher output.
import { randomUUID } from 'node:crypto';
import type {
  Account,
  AccountId,
  AccountSettings,
  Quota,
  RemoteImagesPolicy,
  Security,
  ServerSettings,
} from '../../../shared/domain';
import type { Db } from './database';
import type { SignaturePlacement } from '../../../shared/signature';
import { Pop3Repo } from './pop3-repo';

/** Which SecretCipher sealed a stored secret (accounts/secret-cipher.ts). */
export type SecretCipherId = 'key-file' | 'safe-storage';

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
  signature_placement: SignaturePlacement;
  server_saves_sent: number;
  sync_interval_seconds: number;
  created_at: number;
  quota_used: number | null;
  quota_limit: number | null;
  remote_images: RemoteImagesPolicy;
  pop3_leave: number | null;
  pop3_days: number | null;
  pop3_deleted: number | null;
  oauth_provider: string | null;
}

/** What the account settings change; a field left undefined stays as it is. */
/** Where an account's password lives (see accounts/account-secrets.ts). */
export type PasswordStorage = 'stored' | 'session';

export interface PasswordRecord {
  email: string;
  plaintextConfirmed: boolean;
  storage: PasswordStorage;
}

export interface AccountChanges {
  name?: string;
  displayName?: string;
  /** '' removes the signature. */
  signature?: string;
  signaturePlacement?: SignaturePlacement;
  syncIntervalSeconds?: number;
  remoteImages?: RemoteImagesPolicy;
}

export interface RemoteSender {
  accountId: AccountId;
  address: string;
}

const CHANGE_COLUMNS: Record<keyof AccountChanges, string> = {
  name: 'name',
  displayName: 'display_name',
  signature: 'signature',
  signaturePlacement: 'signature_placement',
  syncIntervalSeconds: 'sync_interval_seconds',
  remoteImages: 'remote_images',
};

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
    // only when it differs from the default, so an account reads as it did before the choice
    ...(row.signature_placement === 'below' ? { signaturePlacement: 'below' as const } : {}),
    serverSavesSent: row.server_saves_sent === 1,
    syncIntervalSeconds: row.sync_interval_seconds,
    createdAt: row.created_at,
    remoteImages: row.remote_images,
    ...(row.pop3_leave === null
      ? {}
      : {
          protocol: 'pop3' as const,
          pop3: {
            leaveOnServer: row.pop3_leave === 1,
            deleteAfterDays: row.pop3_days,
            deleteWhenDeletedHere: row.pop3_deleted === 1,
          },
        }),
    ...(row.oauth_provider ? { oauthProvider: row.oauth_provider } : {}),
  };
}

const COLUMNS =
  'id, name, email, display_name, username, imap_host, imap_port, imap_security, smtp_host, smtp_port, ' +
  'smtp_security, signature, signature_placement, server_saves_sent, sync_interval_seconds, created_at, quota_used, quota_limit, ' +
  'remote_images, oauth_provider, ' +
  // a POP3 account (its migration) has its options beside it; NULL for IMAP
  '(SELECT leave_on_server FROM pop3_accounts p WHERE p.account_id = accounts.id) AS pop3_leave, ' +
  '(SELECT delete_after_days FROM pop3_accounts p WHERE p.account_id = accounts.id) AS pop3_days, ' +
  '(SELECT delete_when_deleted FROM pop3_accounts p WHERE p.account_id = accounts.id) AS pop3_deleted';

/**
 * Runs `fn` with deleted content overwritten by zeros: a replaced or removed sealed password
 * (or a removed account's mail) must not stay readable in the file's free space.
 */
export function withSecureDelete<T>(db: Db, fn: () => T): T {
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    db.pragma(`secure_delete = ${previous}`);
  }
}

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

  /** `id`: chosen by the caller when the secret is sealed for it before the row exists. */
  insert(settings: AccountSettings, secret: Buffer, id: AccountId = randomUUID()): Account {
    this.db
      .prepare(
        `INSERT INTO accounts (id, name, email, display_name, username, imap_host, imap_port, imap_security,
           smtp_host, smtp_port, smtp_security, signature, server_saves_sent, sync_interval_seconds, secret, created_at,
           remote_images, oauth_provider)
         VALUES (@id, @name, @email, @displayName, @username, @imapHost, @imapPort, @imapSecurity,
           @smtpHost, @smtpPort, @smtpSecurity, @signature, @serverSavesSent, @syncInterval, @secret, @createdAt,
           @remoteImages, @oauthProvider)`,
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
        remoteImages: settings.remoteImages ?? 'ask',
        oauthProvider: settings.oauthProvider ?? null,
      });
    if (settings.protocol === 'pop3') new Pop3Repo(this.db).register(id, settings.imap, settings.pop3);
    return this.get(id)!;
  }

  /** Applies the settings' changes; null when there is no such account. */
  update(id: AccountId, changes: AccountChanges): Account | null {
    const entries = (Object.keys(CHANGE_COLUMNS) as (keyof AccountChanges)[])
      .filter((key) => changes[key] !== undefined)
      .map((key) => {
        const value = changes[key];
        // An empty signature is no signature: NULL, as an account added without one.
        return [CHANGE_COLUMNS[key], key === 'signature' && value === '' ? null : value] as const;
      });
    if (entries.length > 0) {
      const assignments = entries.map(([column]) => `${column} = ?`).join(', ');
      this.db.prepare(`UPDATE accounts SET ${assignments} WHERE id = ?`).run(...entries.map(([, v]) => v), id);
    }
    return this.get(id);
  }

  remoteSenders(id?: AccountId): RemoteSender[] {
    const rows = (
      id === undefined
        ? this.db.prepare('SELECT account_id, address FROM remote_content_senders ORDER BY account_id, address').all()
        : this.db
            .prepare('SELECT account_id, address FROM remote_content_senders WHERE account_id = ? ORDER BY address')
            .all(id)
    ) as { account_id: string; address: string }[];
    return rows.map((row) => ({ accountId: row.account_id, address: row.address }));
  }

  /** False when it was on the list already. */
  allowRemoteSender(id: AccountId, address: string): boolean {
    return (
      this.db
        .prepare(
          'INSERT INTO remote_content_senders (account_id, address, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        )
        .run(id, address.trim().toLowerCase(), Date.now()).changes > 0
    );
  }

  forgetRemoteSender(id: AccountId, address: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM remote_content_senders WHERE account_id = ? AND address = ?')
        .run(id, address.trim().toLowerCase()).changes > 0
    );
  }

  remove(id: AccountId): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
  }

  secret(id: AccountId): Buffer | null {
    return this.sealedSecret(id)?.sealed ?? null;
  }

  /** The sealed secret and the cipher that sealed it (null: sealed before ciphers were recorded). */
  sealedSecret(id: AccountId): { sealed: Buffer; cipher: SecretCipherId | null } | null {
    const row = this.db.prepare('SELECT secret, secret_cipher FROM accounts WHERE id = ?').get(id) as
      { secret: Buffer | null; secret_cipher: SecretCipherId | null } | undefined;
    return row?.secret ? { sealed: row.secret, cipher: row.secret_cipher } : null;
  }

  /**
   * How a new account keeps its password and whether it may log in without encryption. A
   * session-only account's secret becomes NULL: it has none, not an empty one.
   */
  setPasswordChoices(id: AccountId, choices: { storage: PasswordStorage; plaintextConfirmed: boolean }): void {
    this.db
      .prepare(
        `UPDATE accounts SET plaintext_confirmed = ?, password_storage = ?${choices.storage === 'session' ? ', secret = NULL' : ''}
         WHERE id = ?`,
      )
      .run(choices.plaintextConfirmed ? 1 : 0, choices.storage, id);
  }

  /** What AccountSecrets needs to find a password: where it lives, and the cleartext consent. */
  passwordRecord(id: AccountId): PasswordRecord | null {
    const row = this.db
      .prepare('SELECT email, plaintext_confirmed, password_storage FROM accounts WHERE id = ?')
      .get(id) as { email: string; plaintext_confirmed: number; password_storage: PasswordStorage } | undefined;
    return row
      ? { email: row.email, plaintextConfirmed: row.plaintext_confirmed === 1, storage: row.password_storage }
      : null;
  }

  /** New servers and user name (tested by the caller); `oauthProvider` null signs in with a password. */
  setServers(
    id: AccountId,
    servers: { username: string; imap: ServerSettings; smtp: ServerSettings },
    oauthProvider: string | null,
  ): void {
    this.db
      .prepare(
        `UPDATE accounts SET username = ?, imap_host = ?, imap_port = ?, imap_security = ?,
           smtp_host = ?, smtp_port = ?, smtp_security = ?, oauth_provider = ? WHERE id = ?`,
      )
      .run(
        servers.username,
        servers.imap.host,
        servers.imap.port,
        servers.imap.security,
        servers.smtp.host,
        servers.smtp.port,
        servers.smtp.security,
        oauthProvider,
        id,
      );
  }

  /** The account signs in with OAuth2 at this provider, or (null) with a password. */
  setOAuthProvider(id: AccountId, oauthProvider: string | null): void {
    this.db.prepare('UPDATE accounts SET oauth_provider = ? WHERE id = ?').run(oauthProvider, id);
  }

  /**
   * Forgets what the account's IMAP server said: its mailboxes (their messages, bodies and
   * attachments go with them) and the actions queued for it. For a change of server, whose
   * mailboxes and UIDs have nothing to do with the old one's; drafts and the outbox stay.
   */
  forgetServerState(id: AccountId): void {
    withSecureDelete(this.db, () => {
      this.db.prepare('DELETE FROM pending_ops WHERE account_id = ?').run(id);
      this.db.prepare('DELETE FROM mailboxes WHERE account_id = ?').run(id);
      this.db.prepare('UPDATE accounts SET quota_used = NULL, quota_limit = NULL WHERE id = ?').run(id);
    });
  }

  setSecret(id: AccountId, secret: Buffer, cipher: SecretCipherId | null = null): void {
    withSecureDelete(this.db, () =>
      this.db.prepare('UPDATE accounts SET secret = ?, secret_cipher = ? WHERE id = ?').run(secret, cipher, id),
    );
  }

  /** True when the figures differ from those stored (the UI is then told). */
  setQuota(id: AccountId, usedBytes: number, limitBytes: number | null): boolean {
    return (
      this.db
        .prepare(
          `UPDATE accounts SET quota_used = ?, quota_limit = ?
           WHERE id = ? AND (quota_used IS NOT ? OR quota_limit IS NOT ?)`,
        )
        .run(usedBytes, limitBytes, id, usedBytes, limitBytes).changes > 0
    );
  }

  quota(id: AccountId): Quota | null {
    const row = this.db.prepare('SELECT quota_used, quota_limit FROM accounts WHERE id = ?').get(id) as
      Pick<AccountRow, 'quota_used' | 'quota_limit'> | undefined;
    if (!row || row.quota_used === null) return null;
    return { accountId: id, usedBytes: row.quota_used, limitBytes: row.quota_limit };
  }
}
