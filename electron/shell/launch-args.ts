// What a command line asks Mail to open: the one the app started with, and the one a second
// start hands the running instance (Electron's 'second-instance' event on Windows and Linux,
// where the OS starts the app again for a mailto: link or a double-clicked .eml file). Chromium
// and Electron add switches of their own (--original-process-start-time, --no-sandbox ...) and
// an unpackaged run has the app's folder as an argument; none of those is a request.
import path from 'node:path';
import { isMailtoUrl } from '../../shared/mailto';

export interface LaunchArgs {
  /** mailto: links, in the order given. */
  mailto: string[];
  /** .eml files, as absolute paths (a relative one is taken from the starting folder). */
  eml: string[];
}

/**
 * Reads `argv` as Electron gives it: the executable first, then (unpackaged) the app folder,
 * then the arguments. `cwd` is the folder the command was started in, which for a second
 * instance is that instance's, not ours.
 */
export function readLaunchArgs(argv: readonly string[], cwd: string, platform: NodeJS.Platform): LaunchArgs {
  const result: LaunchArgs = { mailto: [], eml: [] };
  const paths = platform === 'win32' ? path.win32 : path.posix;
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    // a switch (Chromium's, Electron's or ours); "--" ends them, for a file named like one
    if (!switchesEnded && arg.startsWith('-')) continue;
    if (isMailtoUrl(arg)) result.mailto.push(arg.trim());
    else if (/\.eml$/i.test(arg)) result.eml.push(paths.resolve(cwd, arg));
  }
  return result;
}
