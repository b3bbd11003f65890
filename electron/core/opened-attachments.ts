// Copies of attachments the user opens with another app. That app needs a real file, so the
// bytes go to a folder of the profile's own (readable by this user only), one subfolder per
// opening so the file keeps its name and two openings never collide. The folder is emptied at
// every start: a copy lives as long as the app that showed it might still read it, no longer.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const OPENED_ATTACHMENTS_DIR = 'opened-attachments';

/** A file name safe on every OS: no folders, no reserved characters, no trailing dots or spaces. */
export function safeOpenedName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200);
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned) || !cleaned ? `attachment-${cleaned}` : cleaned;
}

export async function clearOpenedAttachments(profileDir: string): Promise<void> {
  await rm(path.join(profileDir, OPENED_ATTACHMENTS_DIR), { recursive: true, force: true });
}

/** Writes the copy and returns its full path. */
export async function writeOpenedAttachment(profileDir: string, filename: string, data: Buffer): Promise<string> {
  const root = path.join(profileDir, OPENED_ATTACHMENTS_DIR);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const folder = path.join(root, randomUUID());
  await mkdir(folder, { mode: 0o700 });
  const file = path.join(folder, safeOpenedName(filename));
  // 0o600: never executable, whatever it is; 'wx': never through a file that is already there
  await writeFile(file, data, { mode: 0o600, flag: 'wx' });
  return file;
}
