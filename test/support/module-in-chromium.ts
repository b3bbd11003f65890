// Renderer modules that need a real DOM (DOMPurify, DOMParser, the iframe sandbox) are tested
// in Debian's Chromium, never a downloaded browser: the module is bundled with esbuild and
// loaded into a blank page, where the test reaches it as a global. Tests skip where there is
// no Chromium (`hasChromium`).
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { type Browser, type Page, chromium } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Quiet and offline: nothing but the test's own page may reach the network (the e2e tests too). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Loads `modulePath` into a blank page as `window[globalName]`; close the browser when done. */
export async function loadModuleInChromium(
  modulePath: string,
  globalName: string,
): Promise<{ browser: Browser; page: Page }> {
  const bundle = await build({
    entryPoints: [modulePath],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return { browser, page };
}
