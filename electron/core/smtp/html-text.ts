// HTML ↔ plain text for outgoing mail. A rich message goes out as multipart/alternative, and its
// text part must read well on its own: paragraphs and line breaks kept, quotes as "> " lines
// (unlike the snippet converter, which drops quotes), links with their address, the "-- "
// signature delimiter intact.
import { decodeEntities } from '../text/html-text';
import { trimEdges, trimEnd } from './trim-edges';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
]);
const HIDDEN_TAGS = new Set(['head', 'style', 'script', 'title', 'template', 'noscript']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([A-Za-z][A-Za-z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

function attribute(attrs: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : null;
}

/** Plain text of an HTML body, for the text/plain alternative and for quoting. */
export function htmlToPlain(html: string): string {
  // One output buffer per open blockquote; closing one prefixes its lines with "> ".
  const stack: string[] = [''];
  const write = (text: string) => {
    stack[stack.length - 1] += text;
  };
  const newline = () => {
    const top = stack[stack.length - 1]!;
    if (top !== '' && !top.endsWith('\n')) write('\n');
  };
  let hidden: string | null = null;
  let pre = 0;
  let link: { href: string; start: number } | null = null;
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const tag = match[1]?.toLowerCase();
    if (token.startsWith('<!--')) continue;
    if (tag === undefined) {
      if (hidden) continue;
      const text = decodeEntities(token);
      write(pre ? text : text.replace(/\s+/g, ' '));
      continue;
    }
    const closing = token.startsWith('</');
    if (hidden) {
      if (closing && tag === hidden) hidden = null;
      continue;
    }
    if (HIDDEN_TAGS.has(tag) && !closing) {
      hidden = tag;
      continue;
    }
    if (tag === 'br') write('\n');
    else if (tag === 'blockquote') {
      if (!closing) {
        newline();
        stack.push('');
      } else if (stack.length > 1) {
        const inner = trimEdges(stack.pop()!, '\n');
        newline();
        write(
          `${inner
            .split('\n')
            .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
            .join('\n')}\n`,
        );
      }
    } else if (tag === 'a') {
      if (!closing) link = { href: attribute(match[2] ?? '', 'href') ?? '', start: stack[stack.length - 1]!.length };
      else if (link) {
        const label = stack[stack.length - 1]!.slice(link.start).trim();
        const href = link.href.replace(/^mailto:/i, '');
        if (/^(https?:|mailto:)/i.test(link.href) && href !== label && label !== '') write(` <${href}>`);
        link = null;
      }
    } else if (tag === 'img' && !closing) {
      const alt = attribute(match[2] ?? '', 'alt');
      if (alt) write(alt);
    } else if (tag === 'li' && !closing) {
      newline();
      write('- ');
    } else if (tag === 'hr') {
      newline();
      write('----------\n');
    } else if (BLOCK_TAGS.has(tag)) {
      if (tag === 'pre') pre += closing ? -1 : 1;
      newline();
      // A paragraph ends with an empty line, as it looks in the editor.
      if (closing && tag === 'p') write('\n');
    }
  }
  while (stack.length > 1) {
    const inner = stack.pop()!;
    write(inner);
  }
  return tidy(stack[0]!);
}

/** Trailing spaces go, except in the "-- " signature delimiter; at most one empty line in a row. */
function tidy(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => (line === '-- ' ? line : trimEnd(line, ' \t\u00a0').replace(/^ (?=\S)/, '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return trimEdges(lines, '\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as HTML that looks the same: escaped, line breaks kept. */
export function plainToHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>\n');
}
