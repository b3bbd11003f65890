// `--cpu-prof` for g1: one more load, after the measured ones, under a Chrome trace with the V8
// sampling profiler, written to .tmp/bench-profiles/ (open it in DevTools' Performance panel):
// what navigation → first row is made of (the bundle's download and parse, the WebSocket, the
// first queries, React's first render, style and layout). Tracing slows the page, so this load
// is not part of the figure.
import { writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { VIEWPORT } from './launch';
import { firstRowPainted } from './first-paint';
import { firstRowProbe } from './page-probes';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'netlog',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
];

export async function traceFirstPaint(browser: Browser, url: string, file: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(firstRowProbe);
    await browser.startTracing(page, { categories: CATEGORIES });
    try {
      await page.goto(url);
      return await firstRowPainted(page, 30_000);
    } finally {
      writeFileSync(file, await browser.stopTracing());
    }
  } finally {
    await context.close();
  }
}
