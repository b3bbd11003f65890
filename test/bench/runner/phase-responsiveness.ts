// r: responsiveness during sync. The app open in Chromium on the browser shell, reading the synced
// profile's INBOX with j and scrolling its list, while the same engine runs the first sync of a
// mailbox of --size messages (a second account of the bench user, added beside the window). The
// engine's work and the window's requests then share whatever the shell gives them: this is the
// figure that shows whether a FETCH being parsed delays the window's answers.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openApp, withShellAndBrowser } from '../browser/app-in-browser';
import { measureDuringSync } from '../browser/during-sync';
import { BurstTracer } from '../browser/during-sync-trace';
import { addAccountBeside } from '../browser/side-channel';
import { benchAccountSettings } from '../engine/engine-session';
import { atMost } from '../report/figures';
import { max, median, p95 } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';

export const RESPONSIVENESS_FIGURES = [
  { id: 'r1', label: 'j → next message painted while a first sync runs (median)', target: '≤ 16 ms' },
  { id: 'r2', label: 'j → next message painted while a first sync runs (p95)', target: '≤ 50 ms' },
  { id: 'r3', label: 'j → next message painted while a first sync runs (slowest)', target: '≤ 100 ms' },
  { id: 'r4', label: 'Longest frame scrolling the list while a first sync runs', target: '≤ 100 ms' },
] as const;

const SYNC_TIMEOUT_MS = 20 * 60_000;

export async function measureResponsiveness(ctx: BenchContext): Promise<void> {
  const size = ctx.args.size.toLocaleString('en-US');
  log('r: starting the browser shell on the synced profile');
  await withShellAndBrowser({ ...ctx, caFile: ctx.bed.server.caFile }, async (browser, shell) => {
    const { context, page } = await openApp(browser, shell.url);
    await page.keyboard.press('Enter');
    await page.locator('[role="region"][aria-label="Message"] iframe[title="Message body"]').waitFor({
      timeout: 30_000,
    });
    log(`r: adding a second account: its first sync of ${size} messages runs while j and scrolling are measured`);
    const t0 = performance.now();
    await addAccountBeside(page, shell.url, benchAccountSettings(ctx.bed.server, ctx.bed.user), ctx.bed.user.password);
    let tracer: BurstTracer | undefined;
    if (ctx.args.cpuProf) {
      const dir = path.join(ctx.root, '.tmp', 'bench-profiles');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `scroll-during-sync-${Date.now()}.trace.json`);
      log(
        `r: every scroll burst under a Chrome trace (--cpu-prof), the slowest kept: ${path.relative(ctx.root, file)}`,
      );
      tracer = new BurstTracer(browser, page, file);
    }
    const during = await measureDuringSync(page, SYNC_TIMEOUT_MS, tracer);
    const syncMs = performance.now() - t0;
    await context.close();
    const keyMs = during.keys.map((k) => k.ms);
    const slow = [...during.keys].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const load =
      `while ${size} headers synced (${(syncMs / 1000).toFixed(1)} s from accounts.add to the last batch); ` +
      `sync at ${during.progressAtStart.done.toLocaleString('en-US')} when measuring began, ${during.rounds} rounds`;
    const over = (limit: number) => during.frames.filter((f) => f > limit).length;
    ctx.figures.push(
      atMost({
        id: 'r1',
        label: `j → next message painted while a first sync of ${size} runs (median of ${keyMs.length})`,
        value: median(keyMs),
        unit: 'ms',
        limit: 16,
        note: `${load}; ${during.keys.filter((k) => k.key === 'k').length} of the presses were k, on the way back through the cached bodies`,
      }),
      atMost({
        id: 'r2',
        label: 'j → next message painted during that sync (p95)',
        value: p95(keyMs),
        unit: 'ms',
        limit: 50,
      }),
      atMost({
        id: 'r3',
        label: 'j → next message painted during that sync (slowest)',
        value: max(keyMs),
        unit: 'ms',
        limit: 100,
        note: `slowest: ${slow.map((k) => `${k.ms.toFixed(0)} ms (${k.key})`).join(', ')}`,
      }),
      atMost({
        id: 'r4',
        label: `Longest frame scrolling the list during that sync (${during.frames.length} frames)`,
        value: max(during.frames),
        unit: 'ms',
        limit: 100,
        note: `p95 ${p95(during.frames).toFixed(1)} ms; ${over(50)} frames over 50 ms, ${over(100)} over 100 ms`,
      }),
    );
    ctx.details.responsiveness = { syncMs, ...during };
  });
}
