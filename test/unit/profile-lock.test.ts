// The profile lock against PIDs that were handed to other processes: a lock whose PID now names
// a live, unrelated process (a spawned `sleep`) is stale and taken over; a lock whose holder
// really runs keeps the profile closed. Linux only where /proc decides (the CI and dev machines).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockProfile, processStartTicks, ProfileInUseError } from '../../electron/core/store/profile-lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function profile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-lock-'));
  dirs.push(dir);
  return dir;
}

/** A live process that has nothing to do with Mail. */
function unrelatedProcess(): number {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}

const linux = process.platform === 'linux';

describe.runIf(linux)('the profile lock', () => {
  it('records the holder with its start time', () => {
    const dir = profile();
    const release = lockProfile(dir);
    expect(readFileSync(path.join(dir, 'mail.lock'), 'utf8')).toBe(`${process.pid} ${processStartTicks(process.pid)}`);
    release();
  });

  it('takes over a lock whose PID now belongs to another, live process', () => {
    const dir = profile();
    const pid = unrelatedProcess();
    // the crashed holder started at another moment than the process that now has its PID
    writeFileSync(path.join(dir, 'mail.lock'), `${pid} ${processStartTicks(pid)! - 1}`);
    const release = lockProfile(dir);
    expect(readFileSync(path.join(dir, 'mail.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
  });

  it('takes over a PID-only lock (an older build) when the live process is younger than the file', () => {
    const dir = profile();
    const file = path.join(dir, 'mail.lock');
    writeFileSync(file, String(unrelatedProcess()));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, anHourAgo, anHourAgo);
    lockProfile(dir)();
  });

  it('refuses while the holder recorded in the lock still runs', () => {
    const dir = profile();
    const pid = unrelatedProcess();
    writeFileSync(path.join(dir, 'mail.lock'), `${pid} ${processStartTicks(pid)}`);
    expect(() => lockProfile(dir)).toThrow(ProfileInUseError);
  });

  it('refuses a PID-only lock written after its holder started', () => {
    const dir = profile();
    // the parent (vitest's runner) started before this file is written, like a real older holder
    writeFileSync(path.join(dir, 'mail.lock'), String(process.ppid));
    expect(() => lockProfile(dir)).toThrow(ProfileInUseError);
  });
});
