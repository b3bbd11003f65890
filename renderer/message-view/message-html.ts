// The one file that owns the risk of showing mail. Everything a message brings with it that
// could run code, phone home or reach outside its frame is decided here, so a reviewer can
// check the whole policy in one sitting:
//
//   1. DOMPurify removes scripts, event handlers, javascript: URLs, forms, frames, embeds,
//      <meta> (refresh), <base>, <link> and SVG/MathML entirely (HTML profile only).
//   2. A second pass over the purified (inert) document rewrites every resource URL:
//      cid: becomes a data: URL of the inline part (fetched on demand by the caller).
//      Remote http(s) images (img src/srcset, background, CSS url()) are listed for the
//      caller and dropped; once the user allows remote content for this message or sender,
//      the ENGINE fetches them (it refuses private addresses, non-images, huge files) and
//      they come back here as data: URLs. The page and the frame never make a network
//      request. CSS @import and anything else (relative, file:, ...) always go.
//      Links keep only http(s) and mailto and open in a new window (the shell hands them to
//      the system browser); nothing can navigate the app.
//   3. The result is shown in <iframe sandbox srcdoc> WITHOUT allow-scripts, and the document
//      carries its own CSP that blocks everything but inline styles and data: images, whether
//      remote content is allowed or not. Even markup that slipped past 1 and 2 can neither run
//      nor load anything. The sandbox does allow-same-origin: with scripting off in the frame
//      nothing in it can use that origin (a frame can only escape its sandbox with a script;
//      allow-scripts together with allow-same-origin is the combination that must never be),
//      while the app may read the document's height, so the frame is sized to its content and
//      the reading pane scrolls and pages it (fit-frame.ts, keyboard/reading-scroll.ts). It
//      also keeps the frame in the app's renderer process: Chromium gives every opaque-origin
//      sandboxed frame a process of its own, a new process for every message opened.
//
// Plain-text mail is escaped completely and only http(s)/mailto URLs become links.
// Attachments opened in the app get a Blob type that cannot run script (see blobTypeForOpening).
import DOMPurify from 'dompurify';

/**
 * Popups, so target=_blank links reach the shell's window-open handler, and the same origin, so
 * the app can size the frame to its content (see point 3 above). Never allow-scripts.
 */
export const BODY_FRAME_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * The frame's own CSP. The same in every case: remote images reach the frame only as data:
 * URLs the engine fetched, so no network source is ever needed.
 */
export function bodyCsp(): string {
  return "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'";
}

export interface HtmlRenderOptions {
  /** Show remote images and CSS backgrounds (the user chose "Load once" or trusts the sender). */
  allowRemote: boolean;
  /** data: URLs of inline parts already fetched, keyed by normalizeContentId(). */
  inlineImages: ReadonlyMap<string, string>;
  /**
   * data: URLs of remote images the engine fetched, keyed by the URL as listed in
   * RenderedBody.remoteImageUrls. Used only when allowRemote; images not in it stay out.
   */
  remoteImages?: ReadonlyMap<string, string>;
  /**
   * The window is dark and the user wants mail dark too: a message that sets no colours of its
   * own is shown light on dark. One that does keeps its colours (on its white page), since
   * inverting a designed message breaks it.
   */
  dark?: boolean;
}

export interface RenderedBody {
  srcdoc: string;
  /** Shown in dark colours instead of the message's own (the reader offers the originals). */
  darkened: boolean;
  /** The message refers to remote content (shown only when allowed, and then through the engine). */
  hasRemoteContent: boolean;
  /** cid: references whose part is not in inlineImages yet; fetch them, then render again. */
  missingContentIds: string[];
  /** Absolute http(s) URLs of the remote images, once each, in document order. */
  remoteImageUrls: string[];
}

interface RewriteContext {
  allowRemote: boolean;
  inlineImages: ReadonlyMap<string, string>;
  remoteImages: ReadonlyMap<string, string>;
  hasRemoteContent: boolean;
  missingContentIds: Set<string>;
  remoteImageUrls: Set<string>;
  /** Characters of remote-image data: URLs put into the document so far. */
  remoteChars: number;
}

/**
 * Remote-image data the document may hold in all. The engine caps each image and the caller
 * caps distinct images, but one large image referenced a thousand times must not make the
 * srcdoc grow without bound (and take the renderer down with it).
 */
const MAX_REMOTE_DOCUMENT_CHARS = 32 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// URLs

/** What a browser would make of an attribute value: tabs/newlines removed, edges trimmed. */
function normalizeUrl(raw: string): string {
  return trimControlAndSpace(raw.replace(/[\t\n\r]/g, ''));
}

/**
 * Strips C0 controls and spaces from both ends. A loop, not /[\0-\x20]+$/: that regex retries
 * from every space of a long inner run and turns quadratic on an attribute full of spaces.
 */
function trimControlAndSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}

/** A Content-ID as the attachment list reports it and as cid: URLs spell it (RFC 2392). */
export function normalizeContentId(contentId: string): string {
  let value = contentId.trim().replace(/^cid:/i, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep the raw value: a malformed escape simply never matches a part
  }
  return value.replace(/^<|>$/g, '').trim().toLowerCase();
}

const SAFE_IMAGE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|svg\+xml)[;,]/i;
const IMAGE_CONTENT_TYPE = /^image\/[a-z0-9.+-]+$/i;
const BASE64_IMAGE_DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/]*={0,2}$/i;

/**
 * A data: URL from the engine, accepted only as a base64 image of a type we show. The engine
 * already guarantees this; checking again keeps this file the one place that decides.
 */
export function safeImageDataUrl(value: string | null | undefined): string | null {
  return value && SAFE_IMAGE_DATA_URL.test(value) && BASE64_IMAGE_DATA_URL.test(value) ? value : null;
}

/** The absolute URL of a remote (http, https or protocol-relative) reference, or null. */
export function remoteImageUrl(raw: string): string | null {
  const url = normalizeUrl(raw);
  if (!/^https?:/i.test(url) && !url.startsWith('//')) return null;
  try {
    // protocol-relative: the frame is about:srcdoc, so pick what a web page would (https)
    const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A data: URL for an inline image part, or null when it is not an image or not base64. */
export function inlineImageDataUrl(contentType: string, dataBase64: string): string | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const data = dataBase64.replace(/\s+/g, '');
  if (!IMAGE_CONTENT_TYPE.test(type) || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const url = `data:${type};base64,${data}`;
  return SAFE_IMAGE_DATA_URL.test(url) ? url : null;
}

/**
 * The URL an image-like resource (img src, background, CSS url()) may keep, or null to drop it.
 * Records remote references and cid: parts still to fetch on the way.
 */
function resourceUrl(raw: string, context: RewriteContext): string | null {
  const url = normalizeUrl(raw);
  if (/^cid:/i.test(url)) {
    const id = normalizeContentId(url);
    const inline = context.inlineImages.get(id);
    if (inline) return inline;
    if (id) context.missingContentIds.add(id);
    return null;
  }
  if (SAFE_IMAGE_DATA_URL.test(url)) return url;
  if (/^https?:/i.test(url) || url.startsWith('//')) {
    context.hasRemoteContent = true;
    const remote = remoteImageUrl(url);
    if (!remote) return null;
    context.remoteImageUrls.add(remote);
    return remoteImageCopy(remote, context);
  }
  return null; // relative URLs would resolve against the app, other schemes are not for mail
}

/** Never the remote URL itself: only the engine's copy, only when allowed, within the budget. */
function remoteImageCopy(remote: string, context: RewriteContext): string | null {
  if (!context.allowRemote) return null;
  const dataUrl = safeImageDataUrl(context.remoteImages.get(remote));
  if (!dataUrl || context.remoteChars + dataUrl.length > MAX_REMOTE_DOCUMENT_CHARS) return null;
  context.remoteChars += dataUrl.length;
  return dataUrl;
}

/** Links may point to the web or to a mail address, nothing else. */
export function safeLinkHref(raw: string): string | null {
  const value = normalizeUrl(raw);
  if (!/^(?:https?:|mailto:)/i.test(value)) return null;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'mailto:'
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}

function rewriteSrcset(value: string, context: RewriteContext): string | null {
  const candidates = value
    .split(/,(?=\s)|,$/)
    .map((candidate) => candidate.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (const candidate of candidates) {
    const [url = '', ...descriptor] = candidate.split(/\s+/);
    const rewritten = resourceUrl(url, context);
    if (rewritten) kept.push([rewritten, ...descriptor].join(' '));
  }
  return kept.length > 0 ? kept.join(', ') : null;
}

// ---------------------------------------------------------------------------------------
// CSS

/** Decodes CSS escapes (\75 rl, \u) the way the CSS tokenizer does. */
export function decodeCssEscapes(css: string): string {
  return css.replace(
    /\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([^\n\r\f0-9a-fA-F])/g,
    (_match, hex?: string, char?: string) => {
      if (hex) {
        const code = parseInt(hex, 16);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
      }
      return char ?? '';
    },
  );
}

function cssString(value: string): string {
  return `"${value.replace(/[\\"\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

// (?=(\s*))\1 takes the leading blanks atomically: a plain \s* there shares every blank with
// the \s* before ")" and made "url(" followed by a long run of blanks quadratic. Groups 2-4 hold
// the double-quoted, single-quoted and bare value.
const CSS_URL =
  /url\((?=(\s*))\1(?:"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'|((?:[^)\\\s'"]|\\[\s\S])*))\s*\)/gi;
const CSS_IMPORT = /@import\b[^;]*;?/gi;

/**
 * Rewrites url() in a style sheet or style attribute through `resolve` and removes @import.
 * If anything that could still fetch remains once escapes are decoded (an escaped "url(" or a
 * url() that is not a safe data: image, image-set(), a legacy binding), the CSS is trying to
 * hide something and is dropped whole.
 */
export function neutralizeCss(
  css: string,
  resolve: (url: string) => string | null,
  onRemoteImport: () => void = () => {},
): string {
  if (!css) return css;
  let out = css.replace(CSS_IMPORT, () => {
    onRemoteImport();
    return '';
  });
  out = out.replace(CSS_URL, (_match, _blank, doubleQuoted?: string, singleQuoted?: string, bare?: string) => {
    const url = decodeCssEscapes(doubleQuoted ?? singleQuoted ?? bare ?? '');
    const rewritten = resolve(url);
    return rewritten === null ? 'none' : `url(${cssString(rewritten)})`;
  });

  const decoded = decodeCssEscapes(out.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (/@import|image-set\s*\(|expression\s*\(|behavior\s*:|-moz-binding|src\s*\(/i.test(decoded)) return '';
  for (const match of decoded.matchAll(CSS_URL)) {
    const url = match[2] ?? match[3] ?? match[4] ?? '';
    if (!SAFE_IMAGE_DATA_URL.test(normalizeUrl(url))) return '';
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// HTML

const FORBIDDEN_TAGS = [
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'output',
  'keygen',
  'meta',
  'link',
  'base',
  'audio',
  'video',
  'track',
  'dialog',
  'svg',
  'math',
];
const FORBIDDEN_ATTRS = [
  'action',
  'formaction',
  'ping',
  'srcdoc',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'autofocus',
  'download',
  'poster',
];

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  purifier ??= DOMPurify(window);
  return purifier;
}

function rewriteElement(element: Element, context: RewriteContext): void {
  const tag = element.localName;

  for (const name of ['src', 'background']) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    const rewritten = resourceUrl(value, context);
    if (rewritten === null) element.removeAttribute(name);
    else element.setAttribute(name, rewritten);
  }

  const srcset = element.getAttribute('srcset');
  if (srcset !== null) {
    const rewritten = rewriteSrcset(srcset, context);
    if (rewritten === null) element.removeAttribute('srcset');
    else element.setAttribute('srcset', rewritten);
  }

  const style = element.getAttribute('style');
  if (style !== null) {
    element.setAttribute(
      'style',
      neutralizeCss(style, (url) => resourceUrl(url, context)),
    );
  }
  if (tag === 'style') {
    element.textContent = neutralizeCss(
      element.textContent ?? '',
      (url) => resourceUrl(url, context),
      () => (context.hasRemoteContent = true),
    );
  }

  if (tag === 'a' || tag === 'area') {
    const href = safeLinkHref(element.getAttribute('href') ?? '');
    if (href) {
      element.setAttribute('href', href);
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    } else {
      element.removeAttribute('href');
      element.removeAttribute('target');
    }
  } else {
    element.removeAttribute('href');
    element.removeAttribute('target');
  }
}

const HTML_BASE_STYLE = `
html { color-scheme: light; background: #ffffff; }
body { margin: 0; padding: 16px 20px; color: #1d1d1f; overflow-wrap: break-word;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
img { max-width: 100%; }
a[href] { color: #0a64d6; }
pre { white-space: pre-wrap; }
blockquote[type="cite"] { margin: 0 0 0 4px; padding-left: 12px; border-left: 3px solid #c7c7cc; color: #48484a; }
`;

const HTML_DARK_STYLE = `
html { color-scheme: dark; background: #1c1c1e; }
body { color: #f2f2f7; }
a[href] { color: #5eaaff; }
blockquote[type="cite"] { border-left-color: #48484a; color: #a0a0a8; }
@media print { html { color-scheme: light; background: #ffffff; } body { color: #1d1d1f; } a[href] { color: #0a64d6; } }
`;

/** Attributes that give an element a colour of its own (HTML 4's presentational ones). */
const COLOUR_ATTRIBUTES = ['bgcolor', 'color', 'text', 'link', 'vlink', 'alink', 'background'];
/** A colour or background declaration in CSS (a style attribute or a <style> sheet). */
const CSS_COLOUR = /(?:^|[;{\s])(?:color|background(?:-color|-image)?)\s*:/i;

/**
 * Whether the sanitized message chooses any colour itself: then its author designed it for the
 * page it assumed (white, nearly always) and it is not darkened.
 */
export function declaresColours(root: Element): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (COLOUR_ATTRIBUTES.some((name) => element.hasAttribute(name))) return true;
    const style = element.getAttribute('style');
    if (style && CSS_COLOUR.test(style)) return true;
    if (element.tagName.toLowerCase() === 'style' && CSS_COLOUR.test(element.textContent ?? '')) return true;
  }
  return false;
}

function headPreamble(doc: Document, baseStyle: string): Node[] {
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', bodyCsp());
  const referrer = doc.createElement('meta');
  referrer.setAttribute('name', 'referrer');
  referrer.setAttribute('content', 'no-referrer');
  // Chromium resolves the host of every link in a document ahead of a click (and in Electron
  // that is the OS resolver): the sender's DNS server would learn that the message was read.
  const prefetch = doc.createElement('meta');
  prefetch.setAttribute('http-equiv', 'x-dns-prefetch-control');
  prefetch.setAttribute('content', 'off');
  const style = doc.createElement('style');
  style.textContent = baseStyle;
  return [csp, prefetch, referrer, style];
}

/** Sanitizes a message's HTML into the srcdoc of the sandboxed body frame. */
export function renderHtmlBody(html: string, options: HtmlRenderOptions): RenderedBody {
  const context: RewriteContext = {
    allowRemote: options.allowRemote,
    inlineImages: options.inlineImages,
    remoteImages: options.remoteImages ?? new Map(),
    hasRemoteContent: false,
    missingContentIds: new Set(),
    remoteImageUrls: new Set(),
    remoteChars: 0,
  };
  const root = getPurifier().sanitize(html, {
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: FORBIDDEN_ATTRS,
    ALLOW_DATA_ATTR: false,
  }) as HTMLElement;

  const doc = root.ownerDocument;
  let head = root.querySelector('head');
  if (!head) {
    head = doc.createElement('head');
    root.prepend(head);
  }
  for (const element of root.querySelectorAll('*')) rewriteElement(element, context);
  const darkened = options.dark === true && !declaresColours(root);
  head.prepend(...headPreamble(doc, darkened ? HTML_BASE_STYLE + HTML_DARK_STYLE : HTML_BASE_STYLE));

  return {
    srcdoc: `<!doctype html>${root.outerHTML}`,
    darkened,
    hasRemoteContent: context.hasRemoteContent,
    missingContentIds: [...context.missingContentIds],
    remoteImageUrls: [...context.remoteImageUrls],
  };
}

// ---------------------------------------------------------------------------------------
// Plain text

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export type TextToken = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const LINK_CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;

/** A longer "URL" is not a link anyone typed: it stays text, so no work grows with it. */
export const MAX_LINK_LENGTH = 4096;
/** Only this much of a line is searched for links; the rest of a longer line stays text. */
export const MAX_LINKIFY_LINE = 200_000;

const SENTENCE_END = '.,;:!?\'"';
const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/**
 * Trailing punctuation belongs to the sentence, not the URL (unless it closes a bracket in it).
 * Linear: the brackets are counted once and the counts follow the cut, so a URL followed by
 * thousands of ")" costs no more than any other text of that length.
 */
function trimLinkEnd(candidate: string): string {
  const count = new Map<string, number>();
  for (const char of candidate)
    if (char in OPENER_OF || '([{<'.includes(char)) count.set(char, (count.get(char) ?? 0) + 1);
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1] ?? '';
    const open = OPENER_OF[last];
    const trailing =
      SENTENCE_END.includes(last) || (open !== undefined && (count.get(open) ?? 0) < (count.get(last) ?? 0));
    if (!trailing) break;
    if (open !== undefined) count.set(last, (count.get(last) ?? 0) - 1);
    end--;
  }
  return candidate.slice(0, end);
}

/** Splits text into plain runs and http(s)/mailto links. */
export function linkifyText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const scanned = text.length > MAX_LINKIFY_LINE ? text.slice(0, MAX_LINKIFY_LINE) : text;
  let position = 0;
  for (const match of scanned.matchAll(LINK_CANDIDATE)) {
    const start = match.index;
    // cut by the scan limit: the real URL may go on, so half of it must not become a link
    if (scanned !== text && start + match[0].length === scanned.length) continue;
    const candidate = trimLinkEnd(match[0]);
    if (candidate.length > MAX_LINK_LENGTH) continue;
    const href = safeLinkHref(candidate);
    if (!href || candidate.length <= candidate.indexOf(':') + 1) continue;
    if (start > position) tokens.push({ kind: 'text', text: text.slice(position, start) });
    tokens.push({ kind: 'link', text: candidate, href });
    position = start + candidate.length;
  }
  if (position < text.length) tokens.push({ kind: 'text', text: text.slice(position) });
  return tokens;
}

/** Escapes everything; only the links linkifyText found become anchors. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const html = linkifyText(line)
        .map((token) =>
          token.kind === 'link'
            ? `<a href="${escapeHtml(token.href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(token.text)}</a>`
            : escapeHtml(token.text),
        )
        .join('');
      return /^\s*>/.test(line) ? `<span class="quote">${html}</span>` : html;
    })
    .join('\n');
}

const TEXT_BASE_STYLE = `
:root { color-scheme: light; }
html { background: #ffffff; color: #1d1d1f; }
body { margin: 0; padding: 16px 20px;
  font: 14px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #0a64d6; }
.quote { color: #6e6e73; }
`;

/** Plain text has no colours of its own: in dark mode it is always shown dark. */
const TEXT_DARK_STYLE = `
:root { color-scheme: dark; }
html { background: #1c1c1e; color: #f2f2f7; }
a { color: #5eaaff; }
.quote { color: #98989f; }
@media print { :root { color-scheme: light; } html { background: #ffffff; color: #1d1d1f; } a { color: #0a64d6; } }
`;

export function renderPlainTextBody(text: string, dark = false): RenderedBody {
  const csp = escapeHtml(bodyCsp());
  return {
    darkened: dark,
    srcdoc:
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta http-equiv="x-dns-prefetch-control" content="off">` +
      `<meta name="referrer" content="no-referrer"><style>${TEXT_BASE_STYLE}${dark ? TEXT_DARK_STYLE : ''}</style></head>` +
      `<body><div class="text">${plainTextToHtml(text)}</div></body></html>`,
    hasRemoteContent: false,
    missingContentIds: [],
    remoteImageUrls: [],
  };
}

// ---------------------------------------------------------------------------------------
// Attachments opened in the app

const VIEWABLE_TYPES =
  /^(?:image\/(?:png|gif|jpeg|webp|avif|bmp)|application\/pdf|text\/plain|audio\/(?:mpeg|ogg|wav|webm|mp4)|video\/(?:mp4|webm|ogg))$/;

/**
 * The Blob type for opening an attachment inside the app. A blob: URL runs with the app's
 * origin, so HTML, SVG, XML and anything unknown is downgraded to a download.
 */
export function blobTypeForOpening(contentType: string): string {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return VIEWABLE_TYPES.test(type) ? type : 'application/octet-stream';
}
