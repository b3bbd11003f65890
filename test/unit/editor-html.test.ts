// The composer's HTML rules need a real DOM (DOMPurify, DOMParser), so they run in Chromium,
// bundled with esbuild and loaded into a blank page, like the message sanitizer's test.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as EditorHtml from '../../renderer/composer/editor-html';
import { hasChromium, loadModuleInChromium } from '../support/module-in-chromium';

const MODULE = path.resolve(import.meta.dirname, '../../renderer/composer/editor-html.ts');

declare global {
  interface Window {
    editorHtml: typeof EditorHtml;
  }
}

describe.skipIf(!hasChromium)('composer HTML (in Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await loadModuleInChromium(MODULE, 'editorHtml'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const sanitize = (html: string) => page.evaluate((input) => window.editorHtml.sanitizeEditorHtml(input), html);
  const toPlain = (html: string) => page.evaluate((input) => window.editorHtml.editorHtmlToPlain(input), html);
  const formatted = (html: string) => page.evaluate((input) => window.editorHtml.hasFormatting(input), html);

  it('pasted HTML keeps its formatting and loses scripts, handlers, remote images and foreign styles', async () => {
    const pasted = [
      '<meta charset="utf-8"><style>p { color: red }</style>',
      '<p class="MsoNormal" id="x" onclick="steal()" style="color: red; font-weight: bold; position: fixed">',
      '<b>Bold</b> <i>it</i> <u>under</u> <span style="font-style: italic; background: url(https://t.example/x)">em</span>',
      '</p><script>alert(1)</script><img src="https://tracker.example/p.gif"><img src="data:image/png;base64,AAAA">',
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote type="cite">quoted</blockquote>',
      '<iframe src="https://evil.example"></iframe><form><input value="x"></form><svg><a href="x">s</a></svg>',
      '<font face="Comic Sans">kept words</font>',
    ].join('');
    const clean = await sanitize(pasted);
    expect(clean).toBe(
      '<p style="font-weight: bold"><b>Bold</b> <i>it</i> <u>under</u> <span style="font-style: italic">em</span></p>' +
        '<img src="data:image/png;base64,AAAA"><ul><li>one</li></ul><ol><li>two</li></ol><blockquote type="cite">quoted</blockquote>kept words',
    );
  });

  it('keeps a picture carried in the body, of the image types mail readers show, and no other', async () => {
    expect(await sanitize('<p>a<img alt="logo" src="data:image/jpeg;base64,/9j/AA==" onerror="x()">b</p>')).toBe(
      '<p>a<img alt="logo" src="data:image/jpeg;base64,/9j/AA==">b</p>',
    );
    // SVG can script, a remote picture tells the sender it was read, text/html is no picture
    for (const src of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'https://tracker.example/p.gif',
      'data:text/html;base64,PGI+',
      'cid:x@y',
    ])
      expect(await sanitize(`<p>a<img src="${src}">b</p>`)).toBe('<p>ab</p>');
  });

  it('links keep only http(s) and mailto addresses', async () => {
    const clean = await sanitize(
      [
        '<a href="https://example.com/a?b=1">web</a>',
        '<a href="mailto:ada@example.com">mail</a>',
        '<a href="javascript:alert(1)">js</a>',
        '<a href="data:text/html,<script>x</script>">data</a>',
        '<a href="file:///etc/passwd">file</a>',
        '<a href="/relative">relative</a>',
        '<a href="http://example.org" target="_blank" rel="opener">t</a>',
      ].join(' '),
    );
    expect(clean).toBe(
      '<a href="https://example.com/a?b=1">web</a> <a href="mailto:ada@example.com">mail</a> <a>js</a> <a>data</a> ' +
        '<a>file</a> <a>relative</a> <a href="http://example.org">t</a>',
    );
  });

  it('turns typed link text into an address, or refuses it', async () => {
    const normalized = await page.evaluate(() =>
      ['example.com/docs', 'ada@example.com', 'https://x.se', 'javascript:alert(1)', 'not a link', ''].map((text) =>
        window.editorHtml.normalizeLink(text),
      ),
    );
    expect(normalized).toEqual([
      'https://example.com/docs',
      'mailto:ada@example.com',
      'https://x.se',
      null,
      null,
      null,
    ]);
  });

  it('reads the editor as plain text: lists marked, quotes with "> ", links with their address', async () => {
    expect(
      await toPlain(
        '<p><b>Hello</b>&nbsp;there</p><p><br></p><ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>' +
          '<p>See <a href="https://example.com/x">the page</a> or <a href="mailto:a@b.se">a@b.se</a></p>' +
          '<blockquote type="cite"><p>quoted</p><p>lines</p></blockquote><p>line<br>break</p>',
      ),
    ).toBe(
      'Hello there\n\n- one\n- two\n1. first\n2. second\nSee the page <https://example.com/x> or a@b.se\n> quoted\n> lines\nline\nbreak',
    );
  });

  it('text becomes paragraphs, quoted lines a quote, and comes back the same', async () => {
    const text = 'Hi <Ada> & co\n\n> earlier\n> words\nBye';
    const html = await page.evaluate((input) => window.editorHtml.plainToEditorHtml(input), text);
    expect(html).toBe(
      '<p>Hi &lt;Ada&gt; &amp; co</p><p><br></p><blockquote type="cite"><p>earlier</p><p>words</p></blockquote><p>Bye</p>',
    );
    expect(await toPlain(html)).toBe(text);
  });

  it('asks before switching to plain text only when formatting would be lost', async () => {
    expect(await formatted('<p>just</p><p><br></p><blockquote><p>a quote</p></blockquote>')).toBe(false);
    expect(await formatted('<p>some <b>bold</b></p>')).toBe(true);
    expect(await formatted('<ul><li>item</li></ul>')).toBe(true);
    expect(await formatted('<p><a href="https://x.se">x</a></p>')).toBe(true);
  });
});
