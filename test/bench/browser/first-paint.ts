// g, first paint: navigation start → the first message row painted, each load in a fresh
// browser context (empty HTTP cache), as an app start would be.
import type { Browser } from '@playwright/test';
import { VIEWPORT } from './launch';
import { firstRowProbe } from './page-probes';

export interface FirstPaintSample {
  firstRowMs: number;
  firstContentfulPaintMs: number | null;
}

export async function measureFirstPaint(browser: Browser, url: string, loads: number): Promise<FirstPaintSample[]> {
  const samples: FirstPaintSample[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.addInitScript(firstRowProbe);
      await page.goto(url);
      await page.waitForFunction(() => (window as { __benchFirstRow?: number | null }).__benchFirstRow != null, null, {
        timeout: 30_000,
      });
      samples.push(
        await page.evaluate(() => ({
          firstRowMs: (window as { __benchFirstRow?: number | null }).__benchFirstRow!,
          firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        })),
      );
    } finally {
      await context.close();
    }
  }
  return samples;
}
