// Where an account's password lives: sealed by the SecretCipher in the database ('stored'), or
// in this process's memory only ('session': the user chose not to store it, e.g. because the
// platform offers no real protection). Also the account's record of a confirmed cleartext login.
// The service asks here for every password it needs, so both kinds work the same everywhere.
import type { Account, AccountId, AccountSettings } from '../../../shared/domain';
import type { PasswordRecord, PasswordStorage } from '../store/accounts-repo';
import type { Store } from '../store/store';
import type { SecretCipher } from './secret-cipher';

/**
 * No password to sign in with: a session-only account after a restart, or a stored one lost.
 * Marked like a refused login (authenticationFailed) so the connection loop stops and the
 * account shows "enter password" instead of retrying.
 */
export class PasswordNeededError extends Error {
  readonly code = 'PASSWORD_NEEDED';
  readonly authenticationFailed = true;
  constructor(email: string, storage: PasswordStorage) {
    super(
      storage === 'session'
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
    const sealed = choices.rememberPassword ? await this.cipher.encrypt(password) : null;
    const account = this.store.transaction(() => {
      // insert() wants a secret; a session-only account gets none at all (NULL), not an empty one.
      const inserted = this.store.accounts.insert(settings, sealed ?? Buffer.alloc(0));
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
    if (this.storage(accountId) === 'session') {
      this.session.set(accountId, password);
      return;
    }
    this.store.accounts.setSecret(accountId, await this.cipher.encrypt(password));
    this.session.delete(accountId);
  }

  async password(accountId: AccountId): Promise<string> {
    const inMemory = this.session.get(accountId);
    if (inMemory !== undefined) return inMemory;
    const row = this.row(accountId);
    const sealed = this.store.accounts.secret(accountId);
    if (!row || !sealed || sealed.length === 0)
      throw new PasswordNeededError(row?.email ?? 'this account', row?.storage ?? 'stored');
    return this.cipher.decrypt(sealed);
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
