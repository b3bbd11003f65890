// AES-256-GCM with a random key kept in a 0600 file beside the database. Used by the browser
// shell and the tests, where Electron's safeStorage does not exist. It keeps passwords out of
// the database file and any backup of it, not away from someone who can read the profile.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SecretCipher } from './secret-cipher';

const VERSION = 1;

export class KeyFileCipher implements SecretCipher {
  readonly strength = 'key-file' as const;
  private readonly key: Buffer;

  constructor(keyPath: string) {
    if (existsSync(keyPath)) {
      this.key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
      if (this.key.length !== 32) throw new Error(`The key file ${keyPath} is damaged (expected 32 bytes).`);
    } else {
      this.key = randomBytes(32);
      writeFileSync(keyPath, this.key.toString('base64'), { mode: 0o600, flag: 'wx' });
    }
  }

  async encrypt(plain: string): Promise<Buffer> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  async decrypt(sealed: Buffer): Promise<string> {
    if (sealed[0] !== VERSION) throw new Error('This secret was sealed by an unknown cipher version.');
    const iv = sealed.subarray(1, 13);
    const tag = sealed.subarray(13, 29);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }
}
