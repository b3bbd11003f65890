// HTML to plain text, only as good as a snippet needs: this is never used to display a body
// (that goes through DOMPurify in the renderer). Tolerates cut and malformed markup, since
// snippets come from the first few KB of a part.
// It lives in text/, below imap/, smtp/ and search/, because all three read text out of HTML:
// snippets, the search index, and the plain-text part of a composed message.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwnj: '',
  zwj: '',
  shy: '',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  deg: '\u00b0',
  times: '\u00d7',
  laquo: '\u00ab',
  raquo: '\u00bb',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  Auml: '\u00c4',
  Ouml: '\u00d6',
  Uuml: '\u00dc',
  aring: '\u00e5',
  Aring: '\u00c5',
  szlig: '\u00df',
  eacute: '\u00e9',
  egrave: '\u00e8',
  agrave: '\u00e0',
  aacute: '\u00e1',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  oacute: '\u00f3',
  iacute: '\u00ed',
  uacute: '\u00fa',
};

function codePoint(n: number): string {
  // NUL, surrogates and out-of-range references are invalid; browsers show U+FFFD, we drop them
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '';
  return String.fromCodePoint(n);
}

/** Decodes character references: named (common ones), decimal and hex. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (match, ref: string) => {
    if (ref[0] === '#')
      return codePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? match;
  });
}

// Elements whose content is never visible text.
const HIDDEN = /<(head|style|script|title|template|noscript|svg|xml)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
// Tags that end a line, so "quote" and "signature" detection still sees lines.
const BLOCK = /<\/?(p|div|br|tr|li|ul|ol|h[1-6]|table|blockquote|pre|hr|section|article|header|footer)\b[^>]*>/gi;

// An innermost blockquote (no other blockquote opens inside it), or one cut by the end.
const INNER_QUOTE = /<blockquote\b[^>]*>(?:(?!<blockquote\b)[\s\S])*?(<\/blockquote\s*>|$)/gi;

/** Removes quoted replies (blockquotes), innermost first so nesting cannot leave a tail. */
function dropQuotes(html: string): string {
  let previous;
  let current = html;
  // bounded: each pass removes at least one level of nesting
  for (let pass = 0; pass < 20 && current !== previous; pass++) {
    previous = current;
    current = current.replace(INNER_QUOTE, '\n');
  }
  return current;
}

/** Visible text of an HTML fragment, line structure kept, quoted replies removed. */
export function htmlToText(html: string): string {
  const visible = dropQuotes(html.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(HIDDEN, ''));
  return decodeEntities(visible.replace(BLOCK, '\n').replace(/<[^>]*(>|$)/g, ''));
}
