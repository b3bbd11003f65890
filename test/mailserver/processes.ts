import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Process plumbing for the daemons. Two facts drive it:
 * - Dovecot's and Postfix's masters keep the stdio they were started with.
 *   If that is a pipe of ours (execSync, a CI log pipe), whoever reads it
 *   waits forever. So their stdio always goes to a log file.
 * - A stopped daemon that is not our own child (re-parented to init)
 *   lingers as a zombie until init reaps it, 1-2 s here; "gone" therefore
 *   means "no /proc entry, or state Z/X".
 */

/** Spawns a long-running daemon in its own session, stdio into `logFile`. */
export function spawnDaemon(command: string, args: string[], logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], detached: true });
    child.unref();
    return child;
  } finally {
    closeSync(fd);
  }
}

interface ProcStat {
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp session ..." — comm may contain spaces and
  // parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    session: Number(fields[3]),
  };
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

export function sessionOf(pid: number): number | undefined {
  return readStat(pid)?.session;
}

/** Live processes whose session id is `sid` (a daemon master and its children). */
export function processesInSession(sid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const stat = readStat(pid);
    if (stat && stat.session === sid && stat.state !== 'Z' && stat.state !== 'X') pids.push(pid);
  }
  return pids;
}

/**
 * Live processes whose environment holds `entry` ("NAME=value"), whatever their session: finds
 * a helper that a daemon spawned to run on its own (libgamin's gam_server does).
 */
export function processesWithEnv(entry: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // A zombie's environment reads as empty.
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(entry)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export async function waitGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!pids.some(isAlive)) return true;
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
}

const ownSession = sessionOf(process.pid);
const ownGroup = readStat(process.pid)?.pgrp;

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * Stops a daemon master: SIGTERM, wait up to `graceMs`, SIGKILL. Then kills
 * whatever is left in its session (children that outlived the master), and
 * waits until all of it is really gone. `sid` is the session recorded at
 * start, so leftovers are found even when the master is already dead.
 */
export async function terminateDaemon(
  pid: number,
  sid: number | undefined,
  opts: { exited?: boolean; graceMs?: number } = {},
): Promise<void> {
  const graceMs = opts.graceMs ?? 5000;
  // A master that already exited (and was reaped) no longer owns its pid:
  // only its orphaned children, still in its session, are ours to kill.
  if (!opts.exited && isAlive(pid)) {
    // SIGTERM to the whole process group when the master leads one (both
    // masters run as session leaders): Dovecot's master alone takes ~1.1 s
    // to exit and leaves its log/auth/stats/anvil children running, while
    // the whole group is gone in ~0.1 s.
    const leader = readStat(pid)?.pgrp === pid && pid !== ownGroup;
    signal(leader ? -pid : pid, 'SIGTERM');
    if (!(await waitGone([pid], graceMs))) signal(leader ? -pid : pid, 'SIGKILL');
  }
  // Never our own session (or init's): that would kill the test runner.
  if (sid !== undefined && sid > 1 && sid !== ownSession) {
    const leftovers = processesInSession(sid);
    for (const p of leftovers) signal(p, 'SIGKILL');
    await waitGone(opts.exited ? leftovers : [pid, ...leftovers], 5000);
  } else if (!opts.exited) {
    await waitGone([pid], 5000);
  }
  if (!opts.exited && isAlive(pid)) throw new Error(`process ${pid} survived SIGKILL`);
}

/** Synchronous last resort for process 'exit' hooks: SIGKILL the whole session. */
export function killSessionSync(pid: number, sid: number | undefined): void {
  signal(pid, 'SIGKILL');
  if (sid !== undefined && sid > 1 && sid !== ownSession) {
    for (const p of processesInSession(sid)) signal(p, 'SIGKILL');
  }
}

export function tail(path: string, lines = 30): string {
  try {
    const all = readFileSync(path, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return `(no ${path})`;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
