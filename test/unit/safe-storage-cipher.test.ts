import { describe, expect, it, vi } from 'vitest';
import { cipherStrength, SafeStorageCipher, type SafeStorageLike } from '../../electron/shell/safe-storage-cipher';

// a reversible stand-in for the OS keychain: what matters is which API the cipher calls
function fakeSafeStorage(options: { async: boolean; backend?: string; available?: boolean }): SafeStorageLike {
  const seal = (s: string) => Buffer.from(`sealed:${s}`);
  const open = (b: Buffer) => b.toString().replace(/^sealed:/, '');
  const base = {
    encryptString: vi.fn(seal),
    decryptString: vi.fn(open),
    isEncryptionAvailable: vi.fn(() => options.available ?? true),
    getSelectedStorageBackend: vi.fn(() => (options.backend ?? 'gnome_libsecret') as 'gnome_libsecret'),
  };
  if (!options.async) return base;
  return {
    ...base,
    encryptStringAsync: vi.fn(async (s: string) => seal(s)),
    decryptStringAsync: vi.fn(async (b: Buffer) => ({ result: open(b), shouldReEncrypt: false })),
    isAsyncEncryptionAvailable: vi.fn(async () => options.available ?? true),
  };
}

describe('SafeStorageCipher', () => {
  it('uses the async API when Electron has it', async () => {
    const storage = fakeSafeStorage({ async: true });
    const cipher = new SafeStorageCipher(storage, 'darwin');
    const sealed = await cipher.encrypt('hunter2', 'acct-1');
    expect(sealed.toString()).not.toBe('hunter2');
    expect(await cipher.decrypt(sealed, 'acct-1', true)).toBe('hunter2');
    expect(storage.encryptStringAsync).toHaveBeenCalledWith('mail-secret-v2\nacct-1\nhunter2');
    expect(storage.decryptStringAsync).toHaveBeenCalled();
    expect(storage.encryptString).not.toHaveBeenCalled();
    expect(storage.decryptString).not.toHaveBeenCalled();
    expect(await cipher.isAvailable()).toBe(true);
  });

  it('falls back to the sync API on an Electron without the async one', async () => {
    const storage = fakeSafeStorage({ async: false, available: false });
    const cipher = new SafeStorageCipher(storage, 'win32');
    expect(await cipher.decrypt(await cipher.encrypt('pässwörd ✓', 'acct-1'), 'acct-1', true)).toBe('pässwörd ✓');
    expect(storage.encryptString).toHaveBeenCalled();
    expect(await cipher.isAvailable()).toBe(false);
  });

  it('binds each secret to its account: sealed for one, it does not open for another', async () => {
    const cipher = new SafeStorageCipher(fakeSafeStorage({ async: true }), 'darwin');
    const sealed = await cipher.encrypt('hunter2', 'acct-1');
    await expect(cipher.decrypt(sealed, 'acct-2', true)).rejects.toThrow(/another account/);
    // a secret with a newline in it survives the framing
    expect(await cipher.decrypt(await cipher.encrypt('a\nb', 'acct-1'), 'acct-1', true)).toBe('a\nb');
  });

  it('opens an unbound secret only where it predates binding (an unrecorded row)', async () => {
    const storage = fakeSafeStorage({ async: true });
    const cipher = new SafeStorageCipher(storage, 'darwin');
    const old = await storage.encryptStringAsync!('hunter2');
    expect(await cipher.decrypt(old, 'acct-1', false)).toBe('hunter2');
    await expect(cipher.decrypt(old, 'acct-1', true)).rejects.toThrow(/not bound/);
  });

  it("is 'weak' on Linux with the basic_text backend, the keychain elsewhere", () => {
    expect(new SafeStorageCipher(fakeSafeStorage({ async: true, backend: 'basic_text' }), 'linux').strength).toBe(
      'weak',
    );
    expect(new SafeStorageCipher(fakeSafeStorage({ async: true, backend: 'kwallet6' }), 'linux').strength).toBe(
      'os-keychain',
    );
    expect(new SafeStorageCipher(fakeSafeStorage({ async: true }), 'darwin').strength).toBe('os-keychain');
  });

  it('asks for the backend only on Linux (it is a Linux-only API)', () => {
    const storage = fakeSafeStorage({ async: true });
    new SafeStorageCipher(storage, 'win32');
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
    expect(cipherStrength('win32', 'basic_text')).toBe('os-keychain');
  });
});
