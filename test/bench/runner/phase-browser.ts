// g: the app in Chromium against the browser shell on the synced profile: first paint, j to the
// next (cached) message, and frame times while scrolling 10,000 rows.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withShellAndBrowser } from '../browser/app-in-browser';
import { VIEWPORT } from '../browser/launch';
import { measureFirstPaint } from '../browser/first-paint';
import { traceFirstPaint } from '../browser/first-paint-trace';
import { measureKeys } from '../browser/keys';
import { traceKeys } from '../browser/keys-trace';
import { measureScroll, SCROLL } from '../browser/scroll';
import { traceScroll } from '../browser/scroll-trace';
import { atMost, info } from '../report/figures';
import { max, median, p95, percentile } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { firstSyncInput } from './phase-sync';

export const BROWSER_FIGURES = [
  { id: 'g1', label: 'First paint: navigation start → first message row painted (median of 5)', target: '≤ 600 ms' },
  { id: 'g2', label: 'j → reading pane painted with the next cached message (median of 100)', target: '≤ 16 ms' },
  { id: 'g3', label: 'Longest frame while scrolling 10,000 rows', target: '≤ 50 ms' },
] as const;

const LOADS = 5;
/** The newest messages the keyboard bench reads: their bodies are cached as reading would. */
export const PREWARMED_BODIES = 130;
const PRESSES = 100;
const REST_MS = 250;
const TRACED_ROWS = 2_000;
const TRACED_PRESSES = 20;

/**
 * `--browser-only`: the synced profile the browser measures, without the engine's figures (no
 * bare fetches, resync or body timings), for comparing UI changes quickly.
 */
export async function prepareBrowserProfile(ctx: BenchContext): Promise<void> {
  log(`g: syncing ${ctx.args.size.toLocaleString('en-US')} headers for the browser (--browser-only)`);
  await ctx.engine.call('engineSync', firstSyncInput(ctx, ctx.profileDir));
  await ctx.engine.call('prewarmNewest', { count: PREWARMED_BODIES });
}

export async function measureBrowser(ctx: BenchContext): Promise<void> {
  log('g: starting the browser shell on the synced profile (rebuilds dist/ if stale)');
  await withShellAndBrowser({ ...ctx, caFile: ctx.bed.server.caFile }, async (browser, shell) => {
    log(`g: first paint, ${LOADS} loads`);
    const loads = await measureFirstPaint(browser, shell.url, LOADS);
    const firstRow = loads.map((l) => l.firstRowMs);
    ctx.figures.push(
      atMost({
        id: 'g1',
        label: `First paint: navigation start → first message row painted (median of ${LOADS})`,
        value: median(firstRow),
        unit: 'ms',
        limit: 600,
        note: `each load in a fresh context; loads ${firstRow.map((x) => x.toFixed(0)).join(', ')} ms; first contentful paint median ${median(loads.map((l) => l.firstContentfulPaintMs ?? Number.NaN)).toFixed(0)} ms`,
      }),
    );

    if (ctx.args.cpuProf) {
      const dir = path.join(ctx.root, '.tmp', 'bench-profiles');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `first-paint-${Date.now()}.trace.json`);
      const ms = await traceFirstPaint(browser, shell.url, file);
      log(
        `g: one more load under a Chrome trace (--cpu-prof), first row at ${ms.toFixed(0)} ms: ${path.relative(ctx.root, file)}`,
      );
    }

    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(shell.url);
    log(`g: ${PRESSES} presses of j`);
    const keys = await measureKeys(page, PRESSES, REST_MS);
    const keyMs = keys.map((k) => k.ms);
    const slow = [...keys].sort((a, b) => b.ms - a.ms).slice(0, 3);
    ctx.figures.push(
      atMost({
        id: 'g2',
        label: `j → reading pane painted with the next cached message (median of ${keyMs.length})`,
        value: median(keyMs),
        unit: 'ms',
        limit: 16,
        note: `keydown timeStamp → first rAF after the pane's new body frame has loaded (median ${median(keys.map((k) => k.inDomMs)).toFixed(1)} ms to the first rAF with the frame in the DOM, loaded or not; at most ${max(keys.map((k) => k.frames))} iframes in the pane); slowest: ${slow.map((k) => `${k.ms.toFixed(0)} ms "${k.subject.slice(0, 40)}"`).join('; ')}`,
      }),
      info({ id: 'g2p95', label: 'j → reading pane painted (p95)', value: p95(keyMs), unit: 'ms' }),
      info({
        id: 'g2b',
        label: 'j → reading pane painted, messages without inline images (median)',
        value: median(keys.filter((k) => !k.inlineImages).map((k) => k.ms)),
        unit: 'ms',
        note: `${keys.filter((k) => k.inlineImages).length} of ${keys.length} messages showed inline (cid:) images, fetched on open: their median ${median(keys.filter((k) => k.inlineImages).map((k) => k.ms)).toFixed(0)} ms`,
      }),
    );

    if (ctx.args.cpuProf) {
      const dir = path.join(ctx.root, '.tmp', 'bench-profiles');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `keys-${Date.now()}.trace.json`);
      log(`g: ${TRACED_PRESSES} more presses of j under a Chrome trace (--cpu-prof): ${path.relative(ctx.root, file)}`);
      await traceKeys(browser, page, TRACED_PRESSES, REST_MS, file);
    }

    log(`g: scrolling ${SCROLL.rows.toLocaleString('en-US')} rows`);
    const scroll = await measureScroll(page);
    const over = scroll.frames.filter((f) => f > 50).length;
    ctx.figures.push(
      atMost({
        id: 'g3',
        label: `Longest frame while scrolling ${scroll.scrolledRows.toLocaleString('en-US')} rows`,
        value: max(scroll.frames),
        unit: 'ms',
        limit: 50,
        note:
          `${SCROLL.rowsPerFrame} rows per frame in bursts of ${SCROLL.burstFrames} frames, ${SCROLL.pauseMs} ms apart; ` +
          `${scroll.frames.length} frames, p95 ${p95(scroll.frames).toFixed(1)} ms, p99 ${percentile(scroll.frames, 99).toFixed(1)} ms, ${over} over 50 ms`,
      }),
    );
    log(`g: scrolling ${TRACED_ROWS.toLocaleString('en-US')} rows again under a Chrome trace`);
    const scrollTraceFile = ctx.args.cpuProf
      ? path.join(ctx.root, '.tmp', 'bench-profiles', `scroll-${Date.now()}.trace.json`)
      : undefined;
    const traced = await traceScroll(browser, page, TRACED_ROWS, scrollTraceFile);
    ctx.figures.push(
      info({
        id: 'g3cpu',
        label: `Scrolling, traced: most main-thread CPU in one task (${TRACED_ROWS.toLocaleString('en-US')} rows)`,
        value: traced.maxCpuMs,
        unit: 'ms',
        note:
          `that task took ${traced.maxCpuTaskWallMs.toFixed(0)} ms of wall time; the longest task by wall time took ${traced.maxWallMs.toFixed(0)} ms ` +
          `but used ${traced.maxWallTaskCpuMs.toFixed(0)} ms of CPU; ${traced.overFiftyWall} tasks over 50 ms of wall time, ${traced.overFiftyCpu} over 50 ms of CPU (tracing adds overhead)`,
      }),
    );
    await context.close();
    ctx.details.browser = { loads, keys, scroll, traced };
  });
}
