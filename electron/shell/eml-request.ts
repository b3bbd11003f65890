// An .eml file the OS hands the app (command line, second start, macOS open-file) turned into
// a request for its reading window: the bytes travel with it, since the page may not read files.
// A file that is gone, unreadable or too large is dropped with a note in the log.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { EML_MAX_BYTES, type LaunchRequest } from '../../shared/contract-desktop';

export async function readEmlRequest(
  file: string,
  log: (level: 'warn', message: string) => void,
): Promise<LaunchRequest | null> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > EML_MAX_BYTES) {
      log('warn', `Not opened (not a file, or larger than ${EML_MAX_BYTES} bytes): ${file}`);
      return null;
    }
    return { kind: 'eml', fileName: path.basename(file), dataBase64: (await readFile(file)).toString('base64') };
  } catch (error) {
    log('warn', `Could not open ${file}: ${String(error)}`);
    return null;
  }
}
