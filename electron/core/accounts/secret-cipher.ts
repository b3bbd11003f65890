// Secrets (passwords, later OAuth tokens) are stored only as the output of a SecretCipher.
// The Electron shell implements it with safeStorage (the OS keychain); the browser shell and the
// tests use a key file. The core never sees how the bytes are protected.

export interface SecretCipher {
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
  /** Tells the user when the platform offers no real protection (Linux basic_text). */
  readonly strength: 'os-keychain' | 'key-file' | 'weak';
}
