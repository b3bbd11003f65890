// Marks a file written for opening as coming from the internet, the way browsers mark their
// downloads, so the OS applies its own checks when the user's app opens it: Windows' Mark of
// the Web (Office Protected View, SmartScreen, macro blocking) reads a Zone.Identifier stream,
// macOS' Gatekeeper reads the com.apple.quarantine attribute. Elsewhere there is no such mark.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';

export interface ZoneMarkDeps {
  platform: NodeJS.Platform;
  writeFile: (file: string, data: string) => Promise<void>;
  /** Runs a program with arguments (no shell) and resolves when it exits 0. */
  run: (program: string, args: readonly string[]) => Promise<void>;
  now: () => number;
}

/** ZoneId 3 is the Internet zone. */
export const ZONE_IDENTIFIER = '[ZoneTransfer]\r\nZoneId=3\r\n';

/** The quarantine value: flags 0081 (downloaded, not yet opened), time in hex seconds, agent. */
export function quarantineValue(now: number): string {
  return `0081;${Math.floor(now / 1000).toString(16)};Mail;`;
}

const defaultDeps: ZoneMarkDeps = {
  platform: process.platform,
  writeFile: (file, data) => writeFile(file, data),
  run: (program, args) =>
    new Promise((resolve, reject) =>
      execFile(program, [...args], { timeout: 10_000 }, (error) => (error ? reject(error) : resolve())),
    ),
  now: () => Date.now(),
};

/**
 * Marks `file`. A file that could not be marked is not opened: the caller lets the error
 * through, since the OS's protection is the reason opening is allowed at all.
 */
export async function markFromInternet(file: string, deps: Partial<ZoneMarkDeps> = {}): Promise<void> {
  const d = { ...defaultDeps, ...deps };
  if (d.platform === 'win32') await d.writeFile(`${file}:Zone.Identifier`, ZONE_IDENTIFIER);
  else if (d.platform === 'darwin')
    await d.run('/usr/bin/xattr', ['-w', 'com.apple.quarantine', quarantineValue(d.now()), file]);
}
