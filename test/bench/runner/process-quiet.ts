// Waits until a process stops using the CPU: after a reopen the engine still threads and indexes
// the new mail and syncs its other folders, and a bare fetch measured meanwhile shared the two
// cores with that work (c2's bare rounds after the engine took 466-1,020 ms, before it 345-466).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** CPU time of a process (all its threads) in clock ticks, or null once it is gone. */
function cpuTicks(pid: number): number | null {
  try {
    // after "pid (comm)": utime and stime are the 12th and 13th fields
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Resolves once `pid` used at most one clock tick (10 ms) in each of `quietPolls` polls in a row
 * (or `timeoutMs` passed): how long that took.
 */
export async function untilQuiet(
  pid: number,
  options: { pollMs?: number; quietPolls?: number; timeoutMs?: number } = {},
): Promise<number> {
  const { pollMs = 100, quietPolls = 3, timeoutMs = 15_000 } = options;
  const t0 = performance.now();
  let last = cpuTicks(pid);
  let quiet = 0;
  while (last !== null && quiet < quietPolls && performance.now() - t0 < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = cpuTicks(pid);
    quiet = now !== null && now - last <= 1 ? quiet + 1 : 0;
    last = now;
  }
  return performance.now() - t0;
}
