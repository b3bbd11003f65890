// Secrets (passwords, later OAuth tokens) are stored only as the output of a SecretCipher.
// The Electron shell implements it with safeStorage (the OS keychain); the browser shell and the
// tests use a key file. The core never sees how the bytes are protected.
//
// Each secret is sealed for one account: a ciphertext copied into another account's row does not
// open there (AEAD associated data, or the account id sealed with the secret and checked on open).
// Which cipher sealed it is recorded beside it (accounts.secret_cipher), so a profile opened by
// another shell knows at once that it cannot open the secret instead of trying and failing.

import type { SecretCipherId } from '../store/accounts-repo';

export type { SecretCipherId };

export interface SecretCipher {
  readonly id: SecretCipherId;
  encrypt(plain: string, accountId: string): Promise<Buffer>;
  /**
   * Opens a secret sealed for `accountId`. `recorded`: false for a secret stored before ciphers
   * were recorded, which may be in the older format that was not bound to its account.
   * Throws when the secret does not open (another key, another account, damaged bytes).
   */
  decrypt(sealed: Buffer, accountId: string, recorded: boolean): Promise<string>;
  /** Tells the user when the platform offers no real protection (Linux basic_text, no keychain). */
  readonly strength: 'os-keychain' | 'key-file' | 'weak';
}

/**
 * How much a cipher protects: a secret is never sealed again by a cipher weaker than the one
 * that sealed it (the browser shell's key file over the desktop app's keychain).
 */
export const CIPHER_RANK: Record<SecretCipherId, number> = { 'key-file': 1, 'safe-storage': 2 };

/**
 * For a secret stored before ciphers were recorded: which cipher's format its bytes have.
 * Electron's safeStorage output starts with Chromium's "v10"/"v11" version tag on every
 * platform; the key file's first format starts with the byte 1.
 */
export function legacyCipherOf(sealed: Buffer): SecretCipherId | null {
  if (sealed.length >= 3 && sealed[0] === 0x76 && sealed[1] === 0x31) return 'safe-storage';
  if (sealed[0] === 1) return 'key-file';
  return null;
}
