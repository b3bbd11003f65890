// `--cpu-prof`: more presses of j after the measured ones, under a Chrome trace with the V8
// sampling profiler, written to .tmp/bench-profiles/ (open it in Chrome DevTools' Performance
// panel). Tracing slows the page down, so these presses are not part of any figure.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

type KeysWindow = { __benchKeys?: { samples: unknown[] } };

export async function traceKeys(browser: Browser, page: Page, presses: number, restMs: number, file: string) {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'blink.user_timing',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  try {
    for (let i = 0; i < presses; i++) {
      const before = await page.evaluate(() => (window as KeysWindow).__benchKeys?.samples.length ?? 0);
      await page.keyboard.press('j');
      await page.waitForFunction((n) => ((window as KeysWindow).__benchKeys?.samples.length ?? 0) > n, before, {
        timeout: 15_000,
      });
      await page.waitForTimeout(restMs);
    }
  } finally {
    writeFileSync(file, await browser.stopTracing());
  }
}
