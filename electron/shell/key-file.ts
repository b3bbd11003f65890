// Where the key file of KeyFileCipher lives: beside the profile folder, never in it. The profile
// (mail.db, user-data.db) is what gets copied, synced or attached to a bug report; the key that
// opens its passwords must not travel with it. Profiles from before kept the key inside: it is
// moved out the first time they are opened.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { KeyFileCipher } from '../core/accounts/key-file-cipher';
import { KEY_FILE_NAME } from './profile-dir';

/** "<parent>/<profile>.keys/secrets.key": a sibling folder only this user may enter. */
export function keyFilePath(profileDir: string): string {
  const resolved = path.resolve(profileDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.keys`, KEY_FILE_NAME);
}

/**
 * The key-file cipher of a profile, its key moved out of an older profile folder first.
 * `strength` 'weak': the desktop app fell back to it because the OS has no keychain.
 */
export function openKeyFileCipher(
  profileDir: string,
  strength: 'key-file' | 'weak' = 'key-file',
  log?: (level: 'warn', message: string) => void,
): KeyFileCipher {
  const file = keyFilePath(profileDir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const inside = path.join(profileDir, KEY_FILE_NAME);
  if (existsSync(inside)) {
    if (existsSync(file)) {
      log?.('warn', `Both ${inside} and ${file} exist; ${file} is used. Remove the one inside the profile.`);
    } else {
      renameSync(inside, file);
    }
  }
  return new KeyFileCipher(file, strength);
}
