// The DOM-free half of message-html.ts: plain-text escaping and linkifying, CSS neutralizing,
// URL policies. (The DOMPurify half runs in Chromium: message-html.chromium.test.ts.)
import { describe, expect, it } from 'vitest';
import {
  blobTypeForOpening,
  bodyCsp,
  decodeCssEscapes,
  escapeHtml,
  inlineImageDataUrl,
  linkifyText,
  MAX_LINK_LENGTH,
  MAX_LINKIFY_LINE,
  neutralizeCss,
  normalizeContentId,
  plainTextToHtml,
  remoteImageUrl,
  renderPlainTextBody,
  safeImageDataUrl,
  safeLinkHref,
} from '../../renderer/message-view/message-html';
import { expectLinear } from '../support/linear-time';

describe('plain-text mail', () => {
  it('is shown dark only when asked, and printed light either way', () => {
    const light = renderPlainTextBody('Hi');
    expect(light.darkened).toBe(false);
    expect(light.srcdoc).not.toContain('#1c1c1e');
    const dark = renderPlainTextBody('Hi', true);
    expect(dark.darkened).toBe(true);
    expect(dark.srcdoc).toContain('html { background: #1c1c1e; color: #f2f2f7; }');
    expect(dark.srcdoc).toMatch(/@media print \{[^\n]*background: #ffffff/);
  });

  it('escapes everything', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;y&#39;',
    );
    expect(plainTextToHtml('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('links http(s) and mailto only, without trailing punctuation', () => {
    expect(linkifyText('See https://example.com/a?b=1, or mail ada@example.com.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', or mail ada@example.com.' },
    ]);
    expect(linkifyText('(https://en.wikipedia.org/wiki/Engine_(disambiguation))')).toEqual([
      { kind: 'text', text: '(' },
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Engine_(disambiguation)',
        href: 'https://en.wikipedia.org/wiki/Engine_(disambiguation)',
      },
      { kind: 'text', text: ')' },
    ]);
    expect(linkifyText('mailto:ada@example.com')[0]).toMatchObject({ kind: 'link', href: 'mailto:ada@example.com' });
    expect(linkifyText('javascript:alert(1) file:///etc/passwd ftp://x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) file:///etc/passwd ftp://x' },
    ]);
  });

  it('cannot be broken out of through a link', () => {
    const html = plainTextToHtml('https://example.com/"><script>alert(1)</script>');
    expect(html).not.toContain('<script');
    expect(html).toMatch(
      /^<a href="https:\/\/example.com\/" target="_blank" rel="noopener noreferrer">https:\/\/example.com\/<\/a>/,
    );
  });

  it('renders in a document with the blocking CSP and greys quoted lines', () => {
    const { srcdoc } = renderPlainTextBody('Hi\n> quoted');
    expect(srcdoc).toContain(
      `content="default-src &#39;none&#39;; img-src data: cid:; style-src &#39;unsafe-inline&#39;"`,
    );
    expect(srcdoc).toContain('<span class="quote">&#62; quoted</span>');
    // no DNS look-up of the links' hosts before a click: the sender's DNS would learn of the read
    expect(srcdoc).toContain('<meta http-equiv="x-dns-prefetch-control" content="off">');
  });
});

describe('hostile plain text and CSS stay linear', () => {
  it('renders 100,000 ")" after a URL quickly, and still links the URL', () => {
    const text = `see https://example.com/a${')'.repeat(100_000)}`;
    expectLinear(
      () => renderPlainTextBody(text),
      () => renderPlainTextBody('x'.repeat(text.length)),
    );
    expect(linkifyText(text)[1]).toEqual({
      kind: 'link',
      text: 'https://example.com/a',
      href: 'https://example.com/a',
    });
  });

  it('keeps the bracket rule for every other trailing character', () => {
    expect(linkifyText('https://x.example/a(b)c)]}.,')[0]).toMatchObject({ text: 'https://x.example/a(b)c' });
    expect(linkifyText('https://x.example/f(((x)))')[0]).toMatchObject({ text: 'https://x.example/f(((x)))' });
  });

  it('does not link a candidate longer than the cap, nor one cut by the line scan limit', () => {
    const long = `https://x.example/${'a'.repeat(MAX_LINK_LENGTH)}`;
    expect(linkifyText(long)).toEqual([{ kind: 'text', text: long }]);
    const pad = 'x '.repeat(MAX_LINKIFY_LINE / 2 - 10);
    const cut = `${pad}https://x.example/${'b'.repeat(100)}`;
    expect(linkifyText(cut)).toEqual([{ kind: 'text', text: cut }]);
    expect(linkifyText(`https://a.example/ ${pad}`)[0]).toMatchObject({ kind: 'link', href: 'https://a.example/' });
  });

  it('trims a link attribute full of spaces in linear time', () => {
    const href = `https://a.example/${' '.repeat(200_000)}x`;
    expectLinear(
      () => safeLinkHref(href),
      () => safeLinkHref(`https://a.example/${'y'.repeat(200_000)}x`),
    );
    expect(safeLinkHref(`  https://a.example/  `)).toBe('https://a.example/');
  });

  it('reads url( followed by a long run of blanks in linear time', () => {
    const css = `.a { background: url(${' '.repeat(100_000)}`;
    expectLinear(
      () => neutralizeCss(css, () => null),
      () => neutralizeCss(`.a { background: ${'y'.repeat(100_000)}`, () => null),
    );
    expect(neutralizeCss('.a { background: url(  "cid:x"  ) }', () => 'data:image/png;base64,AAAA')).toBe(
      '.a { background: url("data:image/png;base64,AAAA") }',
    );
  });
});

describe('URL policy', () => {
  it('allows links to the web and to mail addresses only', () => {
    expect(safeLinkHref('https://example.com')).toBe('https://example.com/');
    expect(safeLinkHref(' \tHTTP://Example.com/x ')).toBe('http://example.com/x');
    expect(safeLinkHref('mailto:ada@example.com')).toBe('mailto:ada@example.com');
    for (const bad of [
      'javascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'file:///etc',
      '/relative',
      'vbscript:x',
    ]) {
      expect(safeLinkHref(bad), bad).toBeNull();
    }
  });

  it('turns inline image parts into data: URLs and refuses anything else', () => {
    expect(inlineImageDataUrl('image/png; name=x.png', 'iVBO Rw0=')).toBe('data:image/png;base64,iVBORw0=');
    expect(inlineImageDataUrl('text/html', 'PHA+')).toBeNull();
    expect(inlineImageDataUrl('image/png', 'not base64!')).toBeNull();
  });

  it('matches cid: references to Content-IDs', () => {
    expect(normalizeContentId('<Logo@Example>')).toBe('logo@example');
    expect(normalizeContentId('cid:logo%40example')).toBe('logo@example');
  });

  it('lets the frame load data: images only, remote content allowed or not (the engine fetches those)', () => {
    expect(bodyCsp()).toBe("default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'");
    expect(bodyCsp()).not.toMatch(/https?:|\*/);
  });

  it('accepts from the engine only base64 data: URLs of image types we show', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(safeImageDataUrl(png)).toBe(png);
    expect(safeImageDataUrl('data:image/svg+xml;base64,PHN2Zy8+')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    for (const bad of [
      null,
      undefined,
      '',
      'https://img.example/a.png',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/tiff;base64,AAAA',
      'data:image/png,<svg onload=alert(1)>',
      'data:image/png;base64,AA"AA',
      'data:image/png;base64,AAAA) url(https://t.example/p.gif',
    ])
      expect(safeImageDataUrl(bad), String(bad)).toBeNull();
  });

  it('resolves remote image references to absolute http(s) URLs', () => {
    expect(remoteImageUrl('https://img.example/a.png?x=1')).toBe('https://img.example/a.png?x=1');
    expect(remoteImageUrl(' HTTP://IMG.example/a b.png ')).toBe('http://img.example/a%20b.png');
    expect(remoteImageUrl('//img.example/a.png')).toBe('https://img.example/a.png');
    expect(remoteImageUrl('ht\ttps://img.example/a.png')).toBe('https://img.example/a.png'); // tabs vanish, as in a browser
    for (const other of ['cid:logo', 'data:image/png;base64,AAAA', '/a.png', 'a.png', 'file:///a.png', 'https://'])
      expect(remoteImageUrl(other), other).toBeNull();
  });

  it('opens in the app only attachment types that cannot run script', () => {
    expect(blobTypeForOpening('application/pdf')).toBe('application/pdf');
    expect(blobTypeForOpening('IMAGE/PNG; name=a.png')).toBe('image/png');
    for (const risky of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/xml',
      'application/x-unknown',
      '',
    ]) {
      expect(blobTypeForOpening(risky), risky).toBe('application/octet-stream');
    }
  });
});

describe('CSS in mail', () => {
  const block = (url: string) => (url.startsWith('cid:') ? 'data:image/png;base64,AAAA' : null);

  it('replaces remote url() and removes @import', () => {
    let imports = 0;
    const css = neutralizeCss(
      `@import url(https://evil.example/a.css); .a { background: url("https://t.example/p.gif") no-repeat; } .b { background-image: url(cid:logo) }`,
      block,
      () => imports++,
    );
    expect(css).not.toContain('evil.example');
    expect(css).not.toContain('t.example');
    expect(css).toContain('background: none no-repeat');
    expect(css).toContain('url("data:image/png;base64,AAAA")');
    expect(imports).toBe(1);
  });

  it('drops the whole style when escapes hide a fetch', () => {
    expect(decodeCssEscapes('\\75 rl(x)')).toBe('url(x)');
    expect(neutralizeCss('.a { background: \\75 rl(https://t.example/p.gif) }', block)).toBe('');
    expect(neutralizeCss('.a { background: image-set("https://t.example/p.gif" 1x) }', block)).toBe('');
    expect(neutralizeCss('.a { behavior: url(x.htc) }', block)).toBe('');
  });

  it('drops the whole style if a remote url() would survive (the frame admits data: images only)', () => {
    const careless = (url: string) => url; // a resolver that lets everything through
    expect(neutralizeCss('.a { background: url(https://t.example/p.gif) }', careless)).toBe('');
    expect(neutralizeCss('.a { background: url(data:image/png;base64,AAAA) }', careless)).toBe(
      '.a { background: url("data:image/png;base64,AAAA") }',
    );
  });

  it('keeps harmless CSS as it is', () => {
    const css = '.a { color: red; content: "\\2022"; font: 14px/1.5 Georgia }';
    expect(neutralizeCss(css, block)).toBe(css);
  });
});
