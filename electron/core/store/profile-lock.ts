// One process per profile: two engines syncing the same database would each replay the other's
// queued actions and fight over sync state. The Electron app has its single-instance lock; this
// also covers the browser shell pointed at the app's profile.
//
// The lock is a file naming its holder. A PID alone is not enough: after a crash (or a reboot)
// the number is handed to some other process, and a lock naming a live PID would then block
// start-up for good. So the file also records when the holder started (Linux: field 22 of
// /proc/<pid>/stat, clock ticks since boot), and a lock counts only while that same process
// lives. Node cannot take an OS lock (flock) on a file without a native module; where /proc does
// not exist (macOS, Windows) only the PID is checked, as before. docs/security.md has the table.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class ProfileInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(`The mail profile ${dir} is in use by another Mail process (pid ${pid}). Close it first.`);
    this.name = 'ProfileInUseError';
  }
}

export const LOCK_FILE_NAME = 'mail.lock';

/** What the lock file says: "<pid>" (older builds, or no /proc) or "<pid> <start ticks>". */
interface LockHolder {
  pid: number;
  startTicks: number | null;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. Null without /proc. */
export function processStartTicks(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the command name (field 2) is in parentheses and may hold spaces or ')': count from the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[22 - 3]);
  return Number.isSafeInteger(ticks) ? ticks : null;
}

/** When the process started, in ms since the epoch (Linux), from the boot time and USER_HZ. */
function processStartedAt(pid: number): number | null {
  const ticks = processStartTicks(pid);
  if (ticks === null) return null;
  try {
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    // USER_HZ is 100 on every Linux architecture: it is part of the kernel's user-space ABI
    return boot ? Number(boot[1]) * 1000 + ticks * 10 : null;
  } catch {
    return null;
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

function readHolder(file: string): LockHolder | null {
  const [pid, ticks] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  if (!Number.isSafeInteger(pid) || pid! <= 0) return null;
  return { pid: pid!, startTicks: Number.isSafeInteger(ticks) ? ticks! : null };
}

/** Whether the process that wrote the lock is still the one running under its PID. */
function holderLives(holder: LockHolder, file: string): boolean {
  if (!alive(holder.pid)) return false;
  const ticks = processStartTicks(holder.pid);
  if (ticks === null) return true; // no /proc: the PID is all there is to go by
  if (holder.startTicks !== null) return holder.startTicks === ticks;
  // a lock from a build that wrote only the PID: a process younger than the file cannot have written it
  const startedAt = processStartedAt(holder.pid);
  // a second of slack: btime and the tick count are both rounded
  return startedAt === null || startedAt <= statSync(file).mtimeMs + 1000;
}

/** Takes the profile's lock, or throws ProfileInUseError. Returns the function that releases it. */
export function lockProfile(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const ticks = processStartTicks(process.pid);
  const content = ticks === null ? String(process.pid) : `${process.pid} ${ticks}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holderLives(holder, file)) throw new ProfileInUseError(dataDir, holder.pid);
      // Left behind by a process that crashed, its PID perhaps now someone else's: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}.`);
}
