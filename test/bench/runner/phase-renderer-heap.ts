// m: the renderer's JS heap after reading 200 messages and scrolling 100,000 rows of the synced
// INBOX in Chromium (browser/renderer-heap.ts), each reading after a forced GC. The target is
// what the window may keep by design (README, "Renderer memory"): the app as first painted plus
// its bounded caches, so a cache that never shrinks or a leak per message read fails it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { openApp, withShellAndBrowser } from '../browser/app-in-browser';
import { readHeap, readMessages, scrollRows, type HeapReading } from '../browser/renderer-heap';
import { atMost, info } from '../report/figures';
import type { BenchContext } from './context';
import { log } from './log';

const READ = 200;
const SCROLLED_ROWS = 100_000;
/**
 * The retained heap the window may hold after that session (README, "Renderer memory"): the first
 * screen (~6 MB) plus what its bounded caches may keep (the list's 6,000 rows, ~7 MB; 30 bodies
 * with their renderings and inline images), with room for larger mail. An unbounded list cache
 * would hold 100 MB after 100,000 rows.
 */
export const RENDERER_HEAP_LIMIT_MB = 24;
/**
 * Every cache the window keeps is full after the first round (60 list pages, 30 bodies), so a
 * second round may only swap their contents: what the heap gains then is kept per message read
 * or per row scrolled, a leak. The margin is for bodies of other sizes in the cache.
 */
export const SECOND_ROUND_GROWTH_LIMIT_MB = 2;

export const RENDERER_HEAP_FIGURES = [
  {
    id: 'm1',
    label: `Renderer JS heap after reading ${READ} messages and scrolling ${SCROLLED_ROWS.toLocaleString('en-US')} rows (after GC)`,
    target: `≤ ${RENDERER_HEAP_LIMIT_MB} MB`,
  },
  {
    id: 'm2',
    label: 'Renderer JS heap growth over a second round of the same (after GC)',
    target: `≤ ${SECOND_ROUND_GROWTH_LIMIT_MB} MB`,
  },
  { id: 'm0', label: 'Renderer JS heap with the first screen painted (after GC)', target: '—' },
] as const;

const describe = (r: HeapReading) =>
  `${r.usedMb.toFixed(1)} MB used of ${r.totalMb.toFixed(1)} MB, ${r.nodes.toLocaleString('en-US')} DOM nodes, ${r.documents} documents, ${r.listeners.toLocaleString('en-US')} listeners`;

export async function measureRendererHeap(ctx: BenchContext): Promise<void> {
  log('m: starting the browser shell on the synced profile');
  await withShellAndBrowser({ ...ctx, caFile: ctx.bed.server.caFile }, async (browser, shell) => {
    const { context, page } = await openApp(browser, shell.url);
    const session = await context.newCDPSession(page);
    // the first screen's own late work (fonts, lazy chunks, the first re-read) done
    await page.waitForTimeout(2_000);
    const start = await readHeap(session);
    log(`m: at start ${describe(start)}; reading ${READ} messages with j`);
    const first = await useRound(page, session, 'first');
    const second = await useRound(page, session, 'second');
    const { afterReading, end, read, scroll } = first;
    if (ctx.args.cpuProf) await writeSnapshot(ctx.root, session);
    await context.close();
    ctx.figures.push(
      atMost({
        id: 'm1',
        label: RENDERER_HEAP_FIGURES[0].label,
        value: end.usedMb,
        unit: 'MB',
        limit: RENDERER_HEAP_LIMIT_MB,
        note:
          `${read} messages read, ${scroll.scrolledRows.toLocaleString('en-US')} rows scrolled (${scroll.turns} turns at an end of the list); ` +
          `after reading: ${describe(afterReading)}; at the end: ${describe(end)}`,
      }),
      atMost({
        id: 'm2',
        label: RENDERER_HEAP_FIGURES[1].label,
        value: second.end.usedMb - end.usedMb,
        unit: 'MB',
        limit: SECOND_ROUND_GROWTH_LIMIT_MB,
        note: `another ${second.read} messages read and ${second.scroll.scrolledRows.toLocaleString('en-US')} rows scrolled: after reading ${describe(second.afterReading)}; at the end ${describe(second.end)}`,
      }),
      info({
        id: 'm0',
        label: RENDERER_HEAP_FIGURES[2].label,
        value: start.usedMb,
        unit: 'MB',
        note: describe(start),
      }),
    );
    ctx.details.rendererHeap = { start, first, second };
  });
}

/** Reads READ messages on from the one open, then scrolls SCROLLED_ROWS rows; the heap after each. */
async function useRound(page: Page, session: CDPSession, name: string) {
  const read = await readMessages(page, READ);
  const afterReading = await readHeap(session);
  log(
    `m: ${name} round, after reading ${describe(afterReading)}; scrolling ${SCROLLED_ROWS.toLocaleString('en-US')} rows`,
  );
  const scroll = await scrollRows(page, { rows: SCROLLED_ROWS, rowsPerFrame: 50, burstFrames: 20, pauseMs: 150 });
  // the last pages asked for have answered and rendered
  await page.waitForTimeout(1_000);
  const end = await readHeap(session);
  log(`m: ${name} round, after scrolling ${describe(end)}`);
  return { read, afterReading, scroll, end };
}

/** --cpu-prof: a heap snapshot of the page at the end, to open in DevTools' Memory panel. */
async function writeSnapshot(root: string, session: CDPSession): Promise<void> {
  const dir = path.join(root, '.tmp', 'bench-profiles');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `renderer-${Date.now()}.heapsnapshot`);
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(file, chunks.join(''));
  log(`m: heap snapshot written: ${path.relative(root, file)}`);
}
