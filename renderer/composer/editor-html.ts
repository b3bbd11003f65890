// What the rich-text editor may hold, in one place: HTML pasted in (or loaded from a draft made
// elsewhere) is cut down to a small safe subset before it reaches the editor, and the editor's
// HTML is turned into plain text when the user switches formats. Needs a DOM (DOMPurify,
// DOMParser); its unit test runs it in Chromium.
//
// The subset: paragraphs, line breaks, bold/italic/underline/strike, lists, quotes, headings,
// preformatted text, links, and pictures held in the body itself (a data: URL of PNG, JPEG, GIF
// or WebP; the engine sends each as a cid: part) but never one from elsewhere, so nothing remote
// is ever loaded. No scripts, no event handlers, no classes or ids, and of inline styles only the
// few properties that carry the formatting itself.
import DOMPurify from 'dompurify';
import { INLINE_IMAGE_TYPES } from '../../shared/inline-image-types';

const ALLOWED_TAGS = [
  'p',
  'div',
  'br',
  'span',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'h1',
  'h2',
  'h3',
  'pre',
  'code',
  'img',
];
const ALLOWED_ATTRS = ['href', 'style', 'type', 'src', 'alt'];
const INLINE_IMAGE_SRC = new RegExp(`^data:(?:${INLINE_IMAGE_TYPES.join('|')});base64,[A-Za-z0-9+/=]+$`, 'i');

/** A picture the body may hold: one carried in it, never one fetched from somewhere. */
export function isInlineImageSrc(src: string): boolean {
  return INLINE_IMAGE_SRC.test(src);
}
/** Inline styles that only say how text looks; anything that positions or loads is dropped. */
const ALLOWED_STYLES: Record<string, RegExp> = {
  'font-weight': /^(?:bold|bolder|normal|[1-9]00)$/,
  'font-style': /^(?:italic|normal)$/,
  'text-decoration': /^(?:underline|line-through|none)$/,
  'text-decoration-line': /^(?:underline|line-through|none)$/,
};

/** Links may point at the web or at an address; nothing else (javascript:, data:, file:). */
export function isAllowedLink(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** A link typed by the user: "example.com" means the web, "a@b.se" an address. Null when unusable. */
export function normalizeLink(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  if (isAllowedLink(text)) return text;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)) return `mailto:${text}`;
  if (/^[^\s/:]+\.[^\s/]+/.test(text) && !/^[a-z][a-z0-9+.-]*:/i.test(text)) return `https://${text}`;
  return null;
}

function allowedStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      if (colon < 0) return null;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      return ALLOWED_STYLES[name]?.test(value) ? `${name}: ${value}` : null;
    })
    .filter((declaration): declaration is string => declaration !== null)
    .join('; ');
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** A DOMPurify of our own: message-html.ts configures the shared one for a different job. */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'style') {
      const kept = allowedStyle(data.attrValue);
      if (kept) data.attrValue = kept;
      else data.keepAttr = false;
    } else if (data.attrName === 'href') {
      if (node.nodeName !== 'A' || !isAllowedLink(data.attrValue)) data.keepAttr = false;
    } else if (data.attrName === 'src') {
      if (node.nodeName !== 'IMG' || !isInlineImageSrc(data.attrValue)) data.keepAttr = false;
    } else if (data.attrName === 'alt') {
      if (node.nodeName !== 'IMG') data.keepAttr = false;
    } else if (data.attrName === 'type') {
      // only <blockquote type="cite">, which mail clients read as a quote
      if (node.nodeName !== 'BLOCKQUOTE' || data.attrValue.toLowerCase() !== 'cite') data.keepAttr = false;
    }
  });
  // A picture whose source was refused (remote, another type) would stay as an empty box.
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG' && !node.hasAttribute('src')) node.remove();
  });
  purifier = instance;
  return instance;
}

/** HTML from the clipboard or a draft, reduced to what the editor may hold. */
export function sanitizeEditorHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALLOWED_ATTRS,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // the text of a dropped element stays (a pasted <font> keeps its words); a script's does not
    KEEP_CONTENT: true,
    FORBID_CONTENTS: ['script', 'style', 'head', 'title', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'],
    WHOLE_DOCUMENT: false,
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Typed text as editor HTML: one paragraph per blank-line block, line breaks kept, "> " lines quoted. */
export function plainToEditorHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let html = '';
  let quoted: string[] = [];
  const flushQuote = () => {
    if (quoted.length === 0) return;
    html += `<blockquote type="cite">${plainToEditorHtml(quoted.join('\n'))}</blockquote>`;
    quoted = [];
  };
  for (const line of lines) {
    if (/^>/.test(line)) {
      quoted.push(line.replace(/^> ?/, ''));
      continue;
    }
    flushQuote();
    html += line === '' ? '<p><br></p>' : `<p>${escapeHtml(line)}</p>`;
  }
  flushQuote();
  return html;
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'PRE', 'UL', 'OL']);

/** The editor's HTML as plain text: list items get "- " or "1. ", quotes "> ", links their address. */
export function editorHtmlToPlain(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const lines: string[] = [];
  let current = '';
  const walk = (node: Node, prefix: string): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      // the editor keeps typed spaces as no-break spaces; in plain text they are spaces again
      current += (node.textContent ?? '').replace(/[\t\n\r ]+/g, ' ').replace(/\u00a0/g, ' ');
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName;
    if (tag === 'BR') {
      // A block's last <br> only holds it open (the editor's placeholder); it ends no line.
      const parent = node.parentElement;
      if (parent && parent !== doc.body && BLOCKS.has(parent.tagName) && parent.lastChild === node) return;
      lines.push(prefix + current);
      current = '';
      return;
    }
    if (BLOCKS.has(tag) && current.trim() !== '') {
      lines.push(prefix + current);
      current = '';
    } else if (BLOCKS.has(tag)) current = '';
    let childPrefix = prefix;
    if (tag === 'BLOCKQUOTE') childPrefix = `${prefix}> `;
    if (tag === 'LI') {
      const list = node.parentElement;
      const marker =
        list?.tagName === 'OL' ? `${[...list.children].filter((c) => c.tagName === 'LI').indexOf(node) + 1}. ` : '- ';
      current = marker;
    }
    for (const child of node.childNodes) walk(child, childPrefix);
    if (tag === 'A') {
      const href = node.getAttribute('href') ?? '';
      const address = href.replace(/^mailto:/i, '');
      if (href && address !== node.textContent?.trim()) current += ` <${address}>`;
    }
    if (BLOCKS.has(tag) && (current !== '' || tag === 'P')) {
      lines.push(prefix + current);
      current = '';
    }
  };
  for (const child of doc.body.childNodes) walk(child, '');
  if (current !== '') lines.push(current);
  return lines
    .map((line) => line.replace(/[ ]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '');
}

/**
 * Whether the HTML holds more than the plain text can say: any element but paragraphs and
 * line breaks (a quote counts: plain text quotes it with "> ", which is close enough).
 */
export function hasFormatting(html: string): boolean {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const plain = new Set(['P', 'DIV', 'BR', 'SPAN', 'BLOCKQUOTE']);
  return [...doc.body.querySelectorAll('*')].some(
    (element) => !plain.has(element.tagName) || element.hasAttribute('style'),
  );
}
