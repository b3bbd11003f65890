// Where the Electron binary of node_modules/electron is, without letting the electron package
// download it behind our back (requiring it does, and throws a stack trace when it cannot):
// `npm start` asks this first, so a machine where the download failed or was blocked gets one
// line saying so and pointing at the browser shell instead.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The executable's path, or null when it is not there. Follows the electron package's own
 * rules: path.txt names the executable inside dist/; ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
 * @param {string} electronDir node_modules/electron
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function electronBinary(electronDir, env) {
  let executable = '';
  try {
    executable = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // never installed
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  if (env.ELECTRON_OVERRIDE_DIST_PATH && !executable) executable = 'electron';
  if (!executable) return null;
  const file = path.join(dist, executable);
  return existsSync(file) ? file : null;
}

/** The one line `npm start` prints when there is no binary. */
export const NO_ELECTRON_MESSAGE =
  'Mail: the Electron binary is not installed (its download failed or was blocked on this network), ' +
  'so the desktop app cannot start. Run `npm run web` to use Mail in your browser instead.';
