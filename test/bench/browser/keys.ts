// g, reading with j: the first message is opened with Enter, then j is pressed `presses` times,
// each time once the pane shows the message and its neighbours had time to be prefetched.
import type { Page } from '@playwright/test';
import { keyLatencyProbe, type KeySample } from './page-probes';

type KeysWindow = { __benchKeys?: { samples: KeySample[] } };

export async function measureKeys(page: Page, presses: number, restMs: number): Promise<KeySample[]> {
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('[role="region"][aria-label="Message"] iframe[title="Message body"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(restMs);
  await page.evaluate(keyLatencyProbe, 'j');
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('j');
    await page.waitForFunction((n) => ((window as KeysWindow).__benchKeys?.samples.length ?? 0) > n, i, {
      timeout: 15_000,
    });
    await page.waitForTimeout(restMs);
  }
  return page.evaluate(() => (window as KeysWindow).__benchKeys!.samples);
}
