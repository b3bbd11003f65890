// g4, cold start: the browser shell's process started (`npm run web` on the synced profile, dist/
// already built) → the first message row painted in a page opened as soon as the shell prints
// its address. The browser is already running, as a person's is; each start in a fresh context.
import type { Browser } from '@playwright/test';
import type { Cleanup } from '../runner/cleanup';
import { VIEWPORT } from './launch';
import { firstRowPainted } from './first-paint';
import { firstRowProbe } from './page-probes';
import { startShell } from './web-shell';

export interface ColdStartSample {
  /** Process spawned → the first row painted (wall clock, both sides' Date.now()). */
  coldMs: number;
  /** Process spawned → the shell printed its address (engine open, server listening). */
  shellReadyMs: number;
  /** Navigation → the first row painted, in that same load (g1's measure). */
  firstPaintMs: number;
}

export async function measureColdStart(
  browser: Browser,
  input: { root: string; profileDir: string; caFile: string; cleanup: Cleanup },
  starts: number,
): Promise<ColdStartSample[]> {
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < starts; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.addInitScript(firstRowProbe);
      const spawnedAt = Date.now();
      const shell = await startShell(input.root, input.profileDir, input.caFile, input.cleanup);
      try {
        const shellReadyMs = Date.now() - spawnedAt;
        await page.goto(shell.url);
        const firstRow = await firstRowPainted(page, 60_000);
        // the page's clock: its time origin is wall-clock milliseconds, as Date.now() here is
        const origin = await page.evaluate(() => performance.timeOrigin);
        samples.push({ coldMs: origin + firstRow - spawnedAt, shellReadyMs, firstPaintMs: firstRow });
      } finally {
        await shell.stop();
      }
    } finally {
      await context.close();
    }
  }
  return samples;
}
