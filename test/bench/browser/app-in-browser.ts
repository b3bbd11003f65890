// What every browser phase starts from: the browser shell on a profile with Chromium beside it,
// both stopped when the phase's work ends (or fails), and the app opened on its first row.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Cleanup } from '../runner/cleanup';
import { launchChromium, VIEWPORT } from './launch';
import { startShell, type ShellHandle } from './web-shell';

export async function withShellAndBrowser<T>(
  input: { root: string; profileDir: string; caFile: string; cleanup: Cleanup; shellEnv?: Record<string, string> },
  work: (browser: Browser, shell: ShellHandle) => Promise<T>,
): Promise<T> {
  const shell = await startShell(input.root, input.profileDir, input.caFile, input.cleanup, input.shellEnv);
  try {
    const { browser, close } = await launchChromium(input.cleanup);
    try {
      return await work(browser, shell);
    } finally {
      await close();
    }
  } finally {
    await shell.stop();
  }
}

/** A fresh context and page on the shell's address, once the list shows its first row. */
export async function openApp(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 60_000 });
  return { context, page };
}
