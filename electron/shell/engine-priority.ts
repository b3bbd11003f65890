// The engine's process yields the CPU to the window: it runs at a lower OS scheduling priority
// (a higher niceness) than the shell and the page (docs/architecture.md, "Processes").
//
// On a machine with fewer cores than busy threads, a first sync keeps the engine's threads
// runnable all the time, and the page's main thread, at the same priority, waited for a core for
// most of a long frame (figure r: a scroll frame of 133-200 ms during a 100k sync; figure g: first
// paint stretched by ~200 ms of waiting). At a higher niceness the kernel gives the page the core
// first; when the page is idle, waiting on the engine's answer, the engine has the cores anyway,
// so the answer is not slower. Hence always, not only during a large sync: the engine's work is
// either background work or an answer the window is idle waiting for.
//
// The process lowers its own priority when it starts (both entries call this before opening the
// service), because on Linux a niceness belongs to a thread: setpriority on the pid changes only
// the main thread, and a thread takes its creator's niceness when it is made. So every thread that
// already runs (V8's and libuv's) is lowered one by one from /proc, and the threads made later
// (the writer, the extra sync connections) inherit it from the main thread. Elsewhere (macOS,
// Windows) the priority is the process's, set once. An unprivileged process cannot raise its
// priority again, so it is never lowered "for a while".
import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * How much nicer than the shell the engine runs: +10 gives the page about nine tenths of a
 * contended core (the kernel's weights 1024 and 110), yet leaves the engine every idle cycle.
 */
export const ENGINE_NICENESS = 10;

export interface PriorityControl {
  platform: NodeJS.Platform;
  /** The ids of the process's threads (Linux), or null where threads are not listed. */
  threadIds(): number[] | null;
  getPriority(id: number): number;
  setPriority(id: number, priority: number): void;
}

const systemControl: PriorityControl = {
  platform: process.platform,
  threadIds() {
    try {
      return readdirSync('/proc/self/task').map(Number);
    } catch {
      return null;
    }
  },
  getPriority: (id) => os.getPriority(id),
  setPriority: (id, priority) => os.setPriority(id, priority),
};

/**
 * The niceness the engine asks for: `ENGINE_NICENESS` above its own, or MAIL_ENGINE_NICE (0 to
 * 19, 0 leaves the priority alone: the bench's before-and-after runs use it).
 */
export function engineNiceness(env: Readonly<Record<string, string | undefined>>): number {
  const asked = env.MAIL_ENGINE_NICE;
  if (asked === undefined || asked.trim() === '') return ENGINE_NICENESS;
  const value = Number(asked);
  return Number.isInteger(value) && value >= 0 && value <= 19 ? value : ENGINE_NICENESS;
}

/**
 * Lowers this process's priority by `niceness` (at most to 19, the lowest). Returns the new
 * niceness, or null when the system refused (nothing else changes: the engine only runs as before).
 */
export function lowerEnginePriority(niceness: number, control: PriorityControl = systemControl): number | null {
  if (niceness <= 0) return null;
  try {
    const target = Math.min(19, control.getPriority(0) + niceness);
    // Windows and macOS: the priority is the process's; Linux: each thread's (see above)
    const threads = control.platform === 'linux' ? control.threadIds() : null;
    for (const id of threads ?? [0]) {
      try {
        control.setPriority(id, target);
      } catch {
        // a thread that ended between the listing and now
      }
    }
    return control.getPriority(0);
  } catch {
    return null;
  }
}
