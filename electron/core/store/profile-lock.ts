// One process per profile: two engines syncing the same database would each replay the other's
// queued actions and fight over sync state. The Electron app has its single-instance lock; this
// also covers the browser shell pointed at the app's profile.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class ProfileInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`The mail profile ${dir} is in use by another Mail process (pid ${pid}). Close it first.`);
    this.name = 'ProfileInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the profile's lock, or throws ProfileInUseError. Returns the function that releases it. */
export function lockProfile(dataDir: string): () => void {
  const file = path.join(dataDir, 'mail.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) throw new ProfileInUseError(dataDir, holder);
      // Left behind by a process that crashed: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}
