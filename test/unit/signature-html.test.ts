// What the settings store as a signature: a plain one as typed (trailing blank lines gone), a rich
// one only as the composer's sanitizer leaves it. The sanitizer needs a real DOM, so this runs in
// Chromium like the composer's HTML test.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as SignatureHtml from '../../renderer/settings/signature-html';
import { hasChromium, loadModuleInChromium } from '../support/module-in-chromium';

const MODULE = path.resolve(import.meta.dirname, '../../renderer/settings/signature-html.ts');

declare global {
  interface Window {
    signatureHtml: typeof SignatureHtml;
  }
}

describe.skipIf(!hasChromium)('a stored signature (in Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await loadModuleInChromium(MODULE, 'signatureHtml'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const stored = (text: string) => page.evaluate((input) => window.signatureHtml.storableSignature(input), text);

  it('keeps a plain signature as typed, angle brackets and all', async () => {
    expect(await stored('Ada <ada@example.org>\nLondon\n\n')).toBe('Ada <ada@example.org>\nLondon');
  });

  it('keeps the subset of a rich one and drops scripts, handlers and remote pictures', async () => {
    const typed =
      '<p onclick="x()"><b>Ada</b> <a href="https://example.org/">site</a> <a href="javascript:alert(1)">bad</a></p>' +
      '<script>alert(1)</script><img src="https://tracker.example/p.gif"><img src="data:image/png;base64,AAAA">\n';
    expect(await stored(typed)).toBe(
      '<p><b>Ada</b> <a href="https://example.org/">site</a> <a>bad</a></p><img src="data:image/png;base64,AAAA">',
    );
  });
});
