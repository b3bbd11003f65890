// SecretCipher over Electron's safeStorage: the OS keychain (macOS Keychain, Windows DPAPI,
// libsecret/KWallet on Linux) protects the key. On Linux without a keyring Electron falls back
// to 'basic_text', a hard-coded key: that is reported as 'weak' so the UI can say so.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/accounts/secret-cipher';

/** The part of safeStorage we use; the sync methods are deprecated since the async API came. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'encryptString' | 'decryptString' | 'isEncryptionAvailable' | 'getSelectedStorageBackend'
> &
  Partial<Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable'>>;

export function cipherStrength(platform: NodeJS.Platform, backend: string): SecretCipher['strength'] {
  return platform === 'linux' && backend === 'basic_text' ? 'weak' : 'os-keychain';
}

export class SafeStorageCipher implements SecretCipher {
  readonly strength: SecretCipher['strength'];

  /** Create after app 'ready': before it, Linux reports no backend. */
  constructor(
    private readonly safeStorage: SafeStorageLike,
    platform: NodeJS.Platform = process.platform,
  ) {
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
    this.strength = cipherStrength(platform, backend);
  }

  /** Whether the OS offers encryption at all; if not, main falls back to a key file. */
  async isAvailable(): Promise<boolean> {
    if (this.safeStorage.isAsyncEncryptionAvailable) return this.safeStorage.isAsyncEncryptionAvailable();
    return this.safeStorage.isEncryptionAvailable();
  }

  async encrypt(plain: string): Promise<Buffer> {
    // the async API does not block the main process on a keychain prompt
    if (this.safeStorage.encryptStringAsync) return this.safeStorage.encryptStringAsync(plain);
    return this.safeStorage.encryptString(plain);
  }

  async decrypt(sealed: Buffer): Promise<string> {
    if (this.safeStorage.decryptStringAsync) {
      // shouldReEncrypt (a rotated key) is ignored: the old ciphertext stays decryptable, and
      // the secret is sealed again with the new key the next time the user changes it
      const { result } = await this.safeStorage.decryptStringAsync(sealed);
      return result;
    }
    return this.safeStorage.decryptString(sealed);
  }
}
