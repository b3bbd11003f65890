// AES-256-GCM with a random key kept in a 0600 file outside the profile folder (key-file-path.ts
// in the shells says where). Used by the browser shell, by the desktop app when no keychain
// exists, and by the tests, where Electron's safeStorage does not exist. It keeps passwords out
// of the database file and any copy of the profile, not away from someone who can read the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretCipher } from './secret-cipher';

/** 1: no associated data (older profiles); 2: the account id is the associated data. */
const UNBOUND = 1;
const BOUND = 2;

export class KeyFileCipher implements SecretCipher {
  readonly id = 'key-file' as const;
  private readonly key: Buffer;

  /** `strength` 'weak': the desktop app fell back to this because the OS offers no keychain. */
  constructor(
    keyPath: string,
    readonly strength: 'key-file' | 'weak' = 'key-file',
  ) {
    if (existsSync(keyPath)) {
      this.key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
      if (this.key.length !== 32) throw new Error(`The key file ${keyPath} is damaged (expected 32 bytes).`);
    } else {
      this.key = randomBytes(32);
      writeFileSync(keyPath, this.key.toString('base64'), { mode: 0o600, flag: 'wx' });
    }
  }

  async encrypt(plain: string, accountId: string): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(accountId, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([BOUND]), iv, cipher.getAuthTag(), body]);
  }

  async decrypt(sealed: Buffer, accountId: string, recorded: boolean): Promise<string> {
    const version = sealed[0];
    // an unbound secret is accepted only where it can be from before binding: an unrecorded row
    if (version !== BOUND && !(version === UNBOUND && !recorded))
      throw new Error('This secret was sealed by an unknown cipher version.');
    const iv = sealed.subarray(1, 13);
    const tag = sealed.subarray(13, 29);
    // the whole 16-byte tag: without authTagLength GCM accepts a tag cut to 4 bytes, a forgery
    // that a 1 in 2^32 guess passes
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: 16 });
    if (version === BOUND) decipher.setAAD(Buffer.from(accountId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }
}
