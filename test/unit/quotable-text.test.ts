// The words of an HTML message for quoting in a reply, parsed in a real DOM (Chromium): block
// elements become lines, what is never shown (scripts, styles, the head) is left out.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as QuotableText from '../../renderer/composer/quotable-text';
import { hasChromium, loadModuleInChromium } from '../support/module-in-chromium';

const MODULE = path.resolve(import.meta.dirname, '../../renderer/composer/quotable-text.ts');

declare global {
  interface Window {
    quotableText: typeof QuotableText;
  }
}

describe.skipIf(!hasChromium)('quotable text (in Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await loadModuleInChromium(MODULE, 'quotableText'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const quotable = (html: string) => page.evaluate((input) => window.quotableText.htmlToQuotableText(input), html);

  it('keeps the words, one line per block and per <br>, without runs of blank lines', async () => {
    const html =
      '<html><head><title>Newsletter</title><style>p { color: red }</style></head><body>' +
      '<h1>Hello   Ada</h1><p>First <b>line</b><br>second line</p><div></div><div></div><div></div>' +
      '<ul><li>one</li><li>two</li></ul><script>document.title = "ran"</script></body></html>';
    expect(await quotable(html)).toBe('Hello Ada\nFirst line\nsecond line\none\ntwo');
  });

  it('runs nothing it parses', async () => {
    await quotable('<img src=x onerror="window.ran = 1"><script>window.ran = 2</script>');
    // an image's error event would come a moment later, after a failed load
    const ran = await page.evaluate(
      () =>
        new Promise((resolve) => setTimeout(() => resolve((window as unknown as { ran?: number }).ran ?? null), 200)),
    );
    expect(ran).toBeNull();
  });
});
