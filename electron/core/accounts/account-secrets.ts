// Where an account's password lives: sealed by the SecretCipher in the database ('stored'), or
// in this process's memory only ('session': the user chose not to store it, e.g. because the
// platform offers no real protection). Also the account's record of a confirmed cleartext login.
// The service asks here for every password it needs, so both kinds work the same everywhere.
import { randomUUID } from 'node:crypto';
import type { Account, AccountId, AccountSettings } from '../../../shared/domain';
import type { PasswordRecord, PasswordStorage } from '../store/accounts-repo';
import type { Store } from '../store/store';
import { CIPHER_RANK, legacyCipherOf, type SecretCipher, type SecretCipherId } from './secret-cipher';

/**
 * No password to sign in with: a session-only account after a restart, or a stored one lost.
 * Marked like a refused login (authenticationFailed) so the connection loop stops and the
 * account shows "enter password" instead of retrying.
 */
export class PasswordNeededError extends Error {
  readonly code = 'PASSWORD_NEEDED';
  readonly authenticationFailed = true;
  /** `unreadable`: a password is stored but cannot be opened here (why, in words). */
  constructor(email: string, storage: PasswordStorage, unreadable?: string) {
    super(
      unreadable
        ? `The stored password for ${email} cannot be opened (${unreadable}). Enter it again.`
        : storage === 'session'
          ? `Enter the password for ${email}: it is kept only until you quit, as you chose.`
          : `No password is stored for ${email}. Enter it again.`,
    );
    this.name = 'PasswordNeededError';
  }
}

export class AccountSecrets {
  private readonly session = new Map<AccountId, string>();

  constructor(
    private readonly store: Store,
    private readonly cipher: SecretCipher,
  ) {}

  get strength(): SecretCipher['strength'] {
    return this.cipher.strength;
  }

  /** Inserts the account with its password kept as chosen; returns the new account. */
  async create(
    settings: AccountSettings,
    password: string,
    choices: { rememberPassword: boolean; plaintextConfirmed: boolean },
  ): Promise<Account> {
    // the id is chosen first: the secret is sealed for it
    const id = randomUUID();
    const sealed = choices.rememberPassword ? await this.cipher.encrypt(password, id) : null;
    const account = this.store.transaction(() => {
      // insert() wants a secret; a session-only account gets none at all (NULL), not an empty one.
      const inserted = this.store.accounts.insert(settings, Buffer.alloc(0), id);
      if (sealed) this.store.accounts.setSecret(id, sealed, this.cipher.id);
      this.store.accounts.setPasswordChoices(inserted.id, {
        storage: sealed ? 'stored' : 'session',
        plaintextConfirmed: choices.plaintextConfirmed,
      });
      return inserted;
    });
    if (!sealed) this.session.set(account.id, password);
    return account;
  }

  /** A new password for an account (re-entered after a refusal), kept the way the account keeps it. */
  async save(accountId: AccountId, password: string): Promise<void> {
    if (this.storage(accountId) === 'session' || this.sealedByStronger(accountId)) {
      // a profile the desktop app sealed with the keychain, opened by the browser shell: its
      // key file would be a weaker lock on the same password, so it stays in memory instead
      this.session.set(accountId, password);
      return;
    }
    this.store.accounts.setSecret(accountId, await this.cipher.encrypt(password, accountId), this.cipher.id);
    this.session.delete(accountId);
  }

  /**
   * The password to sign in with. A stored one that cannot be opened here (sealed by another
   * shell's cipher, a lost or replaced key file, a secret moved from another account) throws
   * PasswordNeededError: the account asks for the password, it never retries as a server error.
   */
  async password(accountId: AccountId): Promise<string> {
    const inMemory = this.session.get(accountId);
    if (inMemory !== undefined) return inMemory;
    const row = this.row(accountId);
    const secret = this.store.accounts.sealedSecret(accountId);
    const email = row?.email ?? 'this account';
    if (!row || !secret || secret.sealed.length === 0) throw new PasswordNeededError(email, row?.storage ?? 'stored');
    const sealedBy = secret.cipher ?? legacyCipherOf(secret.sealed);
    if (sealedBy !== null && sealedBy !== this.cipher.id)
      throw new PasswordNeededError(email, row.storage, `it was stored by the ${sealedBy} cipher of another app`);
    let password: string;
    try {
      password = await this.cipher.decrypt(secret.sealed, accountId, secret.cipher !== null);
    } catch {
      throw new PasswordNeededError(
        email,
        row.storage,
        'the key that sealed it is gone, or it belongs to another account',
      );
    }
    // sealed before ciphers were recorded: sealed again, bound to its account, now that it opened
    if (secret.cipher === null)
      this.store.accounts.setSecret(accountId, await this.cipher.encrypt(password, accountId), this.cipher.id);
    return password;
  }

  private sealedByStronger(accountId: AccountId): boolean {
    const secret = this.store.accounts.sealedSecret(accountId);
    const sealedBy: SecretCipherId | null = secret ? (secret.cipher ?? legacyCipherOf(secret.sealed)) : null;
    return sealedBy !== null && CIPHER_RANK[sealedBy] > CIPHER_RANK[this.cipher.id];
  }

  storage(accountId: AccountId): PasswordStorage {
    return this.row(accountId)?.storage ?? 'stored';
  }

  /** The user confirmed, twice, that this account may log in without encryption. */
  plaintextConfirmed(accountId: AccountId): boolean {
    return this.row(accountId)?.plaintextConfirmed === true;
  }

  /** Drops the in-memory copy (the account was removed). */
  forget(accountId: AccountId): void {
    this.session.delete(accountId);
  }

  private row(accountId: AccountId): PasswordRecord | null {
    return this.store.accounts.passwordRecord(accountId);
  }
}
