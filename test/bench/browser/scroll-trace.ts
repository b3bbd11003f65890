// g, attribution of long frames: a shorter scroll of the same kind under a Chrome trace, to tell
// how much CPU the page's main thread used in its longest tasks. On a busy shared machine a long
// frame is often a thread that was waiting for a CPU rather than working.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { scrollProbe } from './page-probes';
import { SCROLL } from './scroll';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface LongTasks {
  tasks: number;
  /** The task with the most thread CPU: its CPU and wall time, ms. */
  maxCpuMs: number;
  maxCpuTaskWallMs: number;
  /** The task with the longest wall time: its wall and CPU time, ms. */
  maxWallMs: number;
  maxWallTaskCpuMs: number;
  overFiftyWall: number;
  overFiftyCpu: number;
}

/** `file`: also keep the trace there, with the V8 sampling profiler's samples (--cpu-prof). */
export async function traceScroll(browser: Browser, page: Page, rows: number, file?: string): Promise<LongTasks> {
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
  if (file) categories.push('disabled-by-default-v8.cpu_profiler');
  // where the measured scroll stopped, the rows may still be on their way
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
  await browser.startTracing(page, { categories });
  await page.evaluate(scrollProbe, { ...SCROLL, rows });
  const buffer = await browser.stopTracing();
  if (file) writeFileSync(file, buffer);
  const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's main thread is the renderer main thread with the most tasks.
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`)) {
      const key = `${e.pid}:${e.tid}`;
      const list = perThread.get(key);
      if (list) list.push(e);
      else perThread.set(key, [e]);
    }
  const busiest = [...perThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  // Only the scroll's own tasks: from its first animation frame on. The task in which the page
  // turned tracing on comes first and held 60-65 ms of CPU on its own, which this figure reported
  // as the scroll's longest task.
  const thread = busiest[0] ? `${busiest[0].pid}:${busiest[0].tid}` : '';
  const firstFrame = Math.min(
    ...events.filter((e) => e.name === 'FireAnimationFrame' && `${e.pid}:${e.tid}` === thread).map((e) => e.ts ?? 0),
  );
  const tasks = busiest.filter((e) => (e.ts ?? 0) + (e.dur ?? 0) >= firstFrame);
  const wall = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const byCpu = [...tasks].sort((a, b) => cpu(b) - cpu(a))[0];
  const byWall = [...tasks].sort((a, b) => wall(b) - wall(a))[0];
  return {
    tasks: tasks.length,
    maxCpuMs: byCpu ? cpu(byCpu) : Number.NaN,
    maxCpuTaskWallMs: byCpu ? wall(byCpu) : Number.NaN,
    maxWallMs: byWall ? wall(byWall) : Number.NaN,
    maxWallTaskCpuMs: byWall ? cpu(byWall) : Number.NaN,
    overFiftyWall: tasks.filter((e) => wall(e) > 50).length,
    overFiftyCpu: tasks.filter((e) => cpu(e) > 50).length,
  };
}
