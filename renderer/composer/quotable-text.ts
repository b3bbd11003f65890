// The text of the message being answered, for the composer to quote in a reply. Only the
// words are kept: the HTML is parsed inert (DOMParser runs nothing and loads nothing) and
// never shown, so showing mail stays the business of message-view/message-html.ts alone.

/** The readable text of an HTML message, for quoting in a reply. Parsed inert: nothing loads or runs. */
export function htmlToQuotableText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, head, title, noscript, template').forEach((node) => node.remove());
  const blocks = new Set([
    'p',
    'div',
    'li',
    'tr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'table',
    'section',
  ]);
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.localName === 'br') out += '\n';
    node.childNodes.forEach(walk);
    if (blocks.has(node.localName) && !out.endsWith('\n')) out += '\n';
  };
  if (doc.body) walk(doc.body);
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
