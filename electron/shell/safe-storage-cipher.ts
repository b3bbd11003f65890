// SecretCipher over Electron's safeStorage: the OS keychain (macOS Keychain, Windows DPAPI,
// libsecret/KWallet on Linux) protects the key. On Linux without a keyring Electron falls back
// to 'basic_text', a hard-coded key: that is reported as 'weak' so the UI can say so.
// safeStorage takes no associated data, so the account id is sealed together with the secret
// ("<marker><account id>\n<secret>") and compared on open: a ciphertext moved to another
// account's row opens to the wrong id and is refused.
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

/** Starts every bound plaintext; older secrets (unrecorded rows) are the bare password. */
const BOUND_MARKER = 'mail-secret-v2\n';

export class SafeStorageCipher implements SecretCipher {
  readonly id = 'safe-storage' as const;
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

  async encrypt(plain: string, accountId: string): Promise<Buffer> {
    return this.seal(`${BOUND_MARKER}${accountId}\n${plain}`);
  }

  async decrypt(sealed: Buffer, accountId: string, recorded: boolean): Promise<string> {
    const opened = await this.open(sealed);
    if (!opened.startsWith(BOUND_MARKER)) {
      if (recorded) throw new Error('This secret is not bound to its account.');
      return opened;
    }
    const rest = opened.slice(BOUND_MARKER.length);
    const newline = rest.indexOf('\n');
    if (newline < 0 || rest.slice(0, newline) !== accountId)
      throw new Error('This secret was sealed for another account.');
    return rest.slice(newline + 1);
  }

  private async seal(plain: string): Promise<Buffer> {
    // the async API does not block the main process on a keychain prompt
    if (this.safeStorage.encryptStringAsync) return this.safeStorage.encryptStringAsync(plain);
    return this.safeStorage.encryptString(plain);
  }

  private async open(sealed: Buffer): Promise<string> {
    if (this.safeStorage.decryptStringAsync) {
      // shouldReEncrypt (a rotated key) is ignored: the old ciphertext stays decryptable, and
      // the secret is sealed again with the new key the next time the user changes it
      const { result } = await this.safeStorage.decryptStringAsync(sealed);
      return result;
    }
    return this.safeStorage.decryptString(sealed);
  }
}
