// g, first paint: navigation start → the first message row painted, each load in a fresh
// browser context (empty HTTP cache), as an app start would be.
import type { Browser, Page } from '@playwright/test';
import { VIEWPORT } from './launch';
import { firstRowProbe } from './page-probes';

export interface FirstPaintSample {
  firstRowMs: number;
  firstContentfulPaintMs: number | null;
}

type FirstRowWindow = { __benchFirstRow?: number | null };

/**
 * Waits for the page's first message row to be painted (firstRowProbe, added before the page
 * loaded) and returns when that was, on the page's clock (ms since its navigation began).
 */
export async function firstRowPainted(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(() => (window as FirstRowWindow).__benchFirstRow != null, null, { timeout: timeoutMs });
  return page.evaluate(() => (window as FirstRowWindow).__benchFirstRow!);
}

export async function measureFirstPaint(browser: Browser, url: string, loads: number): Promise<FirstPaintSample[]> {
  const samples: FirstPaintSample[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.addInitScript(firstRowProbe);
      await page.goto(url);
      const firstRowMs = await firstRowPainted(page, 30_000);
      const firstContentfulPaintMs = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      );
      samples.push({ firstRowMs, firstContentfulPaintMs });
    } finally {
      await context.close();
    }
  }
  return samples;
}
