// Debian's Chromium, never a downloaded browser, with the flags the e2e tests use.
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/module-in-chromium';
import type { Cleanup } from '../runner/cleanup';

export const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium(cleanup: Cleanup): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The bench handles Ctrl+C itself and closes the browser in its cleanup; Playwright's own
    // handlers would kill it underneath and leave browser.close() waiting.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
  // Playwright still kills its browsers when this process exits.
  const close = cleanup.add({ name: 'Chromium', run: () => browser.close() });
  return { browser, close };
}
