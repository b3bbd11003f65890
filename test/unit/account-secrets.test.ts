// Stored passwords that cannot be opened here make the account ask for the password (an auth
// state, never a protocol error retried forever); each secret is bound to its account and
// records its cipher; a weaker cipher never seals again what a stronger one sealed; the browser
// shell's key file lives beside the profile, not in it. Real SQLite, the real key-file cipher.
import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSecrets, PasswordNeededError } from '../../electron/core/accounts/account-secrets';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { classifyImapError } from '../../electron/core/imap/errors';
import { Store } from '../../electron/core/store/store';
import { keyFilePath, openKeyFileCipher } from '../../electron/shell/key-file';
import { testAccountSettings } from '../support/store-fixtures';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-secrets-'));
  dirs.push(dir);
  return dir;
}

function setUp() {
  const dir = tempDir();
  const store = Store.open(path.join(dir, 'profile'));
  stores.push(store);
  const cipher = new KeyFileCipher(path.join(dir, 'first.key'));
  return { dir, store, cipher, secrets: new AccountSecrets(store, cipher) };
}

const remember = { rememberPassword: true, plaintextConfirmed: false };

describe('a stored password that cannot be opened', () => {
  it('after the key file was lost asks for the password, classified as an auth failure', async () => {
    const { dir, store, secrets } = setUp();
    const account = await secrets.create(testAccountSettings, 'hunter2', remember);
    expect(await secrets.password(account.id)).toBe('hunter2');

    const withNewKey = new AccountSecrets(store, new KeyFileCipher(path.join(dir, 'replacement.key')));
    const error = await withNewKey.password(account.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordNeededError);
    expect(classifyImapError(error, 'imap.example.test').kind).toBe('auth');
    expect((error as Error).message).toMatch(/cannot be opened/);
  });

  it('sealed by the desktop keychain is not tried by the key file, and never sealed again by it', async () => {
    const { store, secrets } = setUp();
    const account = await secrets.create(testAccountSettings, 'hunter2', remember);
    const keychainBytes = Buffer.from('v10 sealed by the OS keychain');
    store.accounts.setSecret(account.id, keychainBytes, 'safe-storage');

    await expect(secrets.password(account.id)).rejects.toThrow(/safe-storage cipher of another app/);
    await secrets.save(account.id, 'typed again');
    expect(await secrets.password(account.id)).toBe('typed again');
    expect(store.accounts.sealedSecret(account.id)).toEqual({ sealed: keychainBytes, cipher: 'safe-storage' });
  });

  it('from before ciphers were recorded, in the keychain format, is not overwritten by the key file', async () => {
    const { store, secrets } = setUp();
    const account = await secrets.create(testAccountSettings, 'hunter2', remember);
    const keychainBytes = Buffer.from('v11 an old keychain secret');
    store.accounts.setSecret(account.id, keychainBytes, null);
    await expect(secrets.password(account.id)).rejects.toThrow(PasswordNeededError);
    await secrets.save(account.id, 'typed again');
    expect(store.accounts.sealedSecret(account.id)?.sealed).toEqual(keychainBytes);
  });
});

describe('each secret', () => {
  it('records the cipher that sealed it', async () => {
    const { store, secrets } = setUp();
    const account = await secrets.create(testAccountSettings, 'hunter2', remember);
    expect(store.accounts.sealedSecret(account.id)?.cipher).toBe('key-file');
  });

  it('is bound to its account: copied into another account it does not open', async () => {
    const { store, secrets } = setUp();
    const first = await secrets.create(testAccountSettings, 'first password', remember);
    const second = await secrets.create({ ...testAccountSettings, email: 'b@example.test' }, 'second', remember);
    store.accounts.setSecret(second.id, store.accounts.secret(first.id)!, 'key-file');
    await expect(secrets.password(second.id)).rejects.toThrow(PasswordNeededError);
    expect(await secrets.password(first.id)).toBe('first password');
  });

  it('does not open with its authentication tag cut short (GCM would accept 4 bytes of it)', async () => {
    const { cipher } = setUp();
    const sealed = await cipher.encrypt('', 'account-1');
    expect(await cipher.decrypt(sealed, 'account-1', true)).toBe('');
    // version byte, IV, the first 4 bytes of the tag, no body: a 1 in 2^32 guess would pass
    await expect(cipher.decrypt(sealed.subarray(0, 1 + 12 + 4), 'account-1', true)).rejects.toThrow();
  });

  it('sealed in the older unbound format still opens once, and is then sealed again bound', async () => {
    const { dir, store } = setUp();
    const key = randomBytes(32);
    const keyFile = path.join(dir, 'old.key');
    writeFileSync(keyFile, key.toString('base64'));
    const secrets = new AccountSecrets(store, new KeyFileCipher(keyFile));
    const account = await secrets.create(testAccountSettings, 'replaced below', remember);
    store.accounts.setSecret(account.id, unboundKeyFileSecret(key, 'hunter2'), null);

    expect(await secrets.password(account.id)).toBe('hunter2');
    const resealed = store.accounts.sealedSecret(account.id)!;
    expect(resealed.cipher).toBe('key-file');
    expect(resealed.sealed[0]).toBe(2);
    expect(await secrets.password(account.id)).toBe('hunter2');
  });
});

/** The key file's first format (byte 1, no associated data), as older builds wrote it. */
function unboundKeyFileSecret(key: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
}

describe("the browser shell's key file", () => {
  it('lives in a folder beside the profile, not in it', () => {
    const profile = path.join(tempDir(), 'Mail');
    expect(keyFilePath(profile)).toBe(path.join(path.dirname(profile), 'Mail.keys', 'secrets.key'));
    openKeyFileCipher(profile);
    expect(existsSync(keyFilePath(profile))).toBe(true);
    expect(existsSync(path.join(profile, 'secrets.key'))).toBe(false);
  });

  it('is moved out of an older profile, so its passwords still open', async () => {
    const profile = path.join(tempDir(), 'Mail');
    mkdirSync(profile);
    const old = new KeyFileCipher(path.join(profile, 'secrets.key'));
    const sealed = await old.encrypt('hunter2', 'acct');
    const key = readFileSync(path.join(profile, 'secrets.key'), 'utf8');

    const moved = openKeyFileCipher(profile);
    expect(existsSync(path.join(profile, 'secrets.key'))).toBe(false);
    expect(readFileSync(keyFilePath(profile), 'utf8')).toBe(key);
    expect(await moved.decrypt(sealed, 'acct', true)).toBe('hunter2');
  });
});
