// Where a measured interval's wall time went, for the process this runs in: CPU of the main
// thread (JS, SQLite, parsing), time it was runnable but waiting for a CPU (run queue: other
// processes on a shared machine), and the rest, idle (waiting for the server or a timer).
// Linux /proc/self/schedstat; NaN elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TimeSplit {
  wallMs: number;
  /** Main thread on a CPU. */
  cpuMs: number;
  /** Main thread runnable but not running: the machine's load, not ours. */
  runQueueMs: number;
  /** wall − cpu − run queue: waiting for I/O (the IMAP server). */
  idleMs: number;
  /** Every thread of the process (GC helpers, libuv pool) on a CPU. */
  processCpuMs: number;
  /**
   * The CPU of each other thread that ran in the interval and still runs at its end, busiest
   * first: in the engine's first sync the first is the header writer thread. A thread that ended
   * before is in processCpuMs only.
   */
  threadsCpuMs: number[];
}

function schedstat(): [number, number] {
  try {
    const [cpu, wait] = readFileSync('/proc/self/schedstat', 'utf8').split(' ').map(Number);
    return [cpu! / 1e6, wait! / 1e6];
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

/** CPU so far of every thread of this process but the main one, by thread id (Linux; empty elsewhere). */
function threadsCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      if (tid === String(process.pid)) continue;
      try {
        cpu.set(tid, Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
      } catch {
        // the thread ended between the listing and the read
      }
    }
  } catch {
    // no /proc
  }
  return cpu;
}

/** Starts an interval; the returned function ends it and tells where its time went. */
export function startTimeSplit(): () => TimeSplit {
  const wall0 = performance.now();
  const [cpu0, wait0] = schedstat();
  const process0 = process.cpuUsage();
  const threads0 = threadsCpu();
  return () => {
    const wallMs = performance.now() - wall0;
    const [cpu1, wait1] = schedstat();
    const used = process.cpuUsage(process0);
    const threadsCpuMs = [...threadsCpu()]
      .map(([tid, ms]) => ms - (threads0.get(tid) ?? 0))
      .filter((ms) => ms > 0)
      .sort((a, b) => b - a);
    const cpuMs = cpu1 - cpu0;
    const runQueueMs = wait1 - wait0;
    return {
      wallMs,
      cpuMs,
      runQueueMs,
      idleMs: wallMs - cpuMs - runQueueMs,
      processCpuMs: (used.user + used.system) / 1000,
      threadsCpuMs,
    };
  };
}
