// g, scrolling: frame intervals while the list scrolls through 10,000 rows.
import type { Page } from '@playwright/test';
import { scrollProbe } from './page-probes';

export const SCROLL = { rows: 10_000, rowsPerFrame: 10, burstFrames: 20, pauseMs: 150 };

export async function measureScroll(
  page: Page,
): Promise<{ frames: number[]; rowHeight: number; scrolledRows: number }> {
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
  return page.evaluate(scrollProbe, SCROLL);
}
