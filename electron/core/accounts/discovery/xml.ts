// A small, strict XML parser for the one dialect discovery reads: Thunderbird's autoconfig
// files (elements, attributes, text, comments, CDATA). It comes from the network, so:
//  - no DOCTYPE, hence no entity declarations: no external entities (XXE), no billion laughs;
//  - only the five predefined entities and character references; anything else is an error;
//  - limits on size, depth and element count; well-formedness checked (matching tags, one root).
// What it does not need it refuses rather than half-supports.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded, untrimmed. */
  text: string;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlError';
  }
}

export interface XmlLimits {
  maxLength: number;
  maxDepth: number;
  maxElements: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxLength: 512 * 1024, maxDepth: 32, maxElements: 10_000 };

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;
const WHITESPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// Characters XML 1.0 allows: tab, newline, carriage return, and everything from U+0020 except
// surrogates (handled as pairs by the engine) and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function parseXml(source: string, limits: Partial<XmlLimits> = {}): XmlElement {
  const { maxLength, maxDepth, maxElements } = { ...DEFAULT_LIMITS, ...limits };
  if (source.length > maxLength) throw new XmlError(`The document is larger than ${maxLength} characters`, 0);
  const forbidden = FORBIDDEN_CHAR.exec(source);
  if (forbidden) throw new XmlError('A control character is not allowed in XML', forbidden.index);

  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let elements = 0;

  const fail = (message: string, at = pos): never => {
    throw new XmlError(message, at);
  };
  const startsWith = (text: string) => source.startsWith(text, pos);
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(source);
    pos = WHITESPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (!match) return fail('A name was expected');
    pos = NAME.lastIndex;
    return match[0];
  };

  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&]*);?/g, (whole, body: string, offset: number) => {
      if (!whole.endsWith(';')) return fail('An unterminated "&" (write &amp; for a literal ampersand)', at + offset);
      if (body in PREDEFINED) return PREDEFINED[body]!;
      const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
      if (!numeric) return fail(`The entity &${body}; is not defined (only the five XML entities are)`, at + offset);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      const valid =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!valid) return fail(`&${body}; is not a character XML allows`, at + offset);
      return String.fromCodePoint(code);
    });

  /** Comments, processing instructions and whitespace between markup (prolog, epilog). */
  const skipMisc = (atStart: boolean) => {
    for (let first = atStart; ; first = false) {
      skipWhitespace();
      if (startsWith('<!--')) skipComment();
      else if (startsWith('<?')) {
        if (!first && /^<\?xml[ \t\r\n?]/.test(source.slice(pos, pos + 6))) fail('The XML declaration must come first');
        const end = source.indexOf('?>', pos + 2);
        if (end < 0) fail('An unterminated processing instruction');
        pos = end + 2;
      } else if (startsWith('<!')) fail('DOCTYPE and other declarations are not allowed');
      else return;
    }
  };

  const skipComment = () => {
    const end = source.indexOf('-->', pos + 4);
    if (end < 0) fail('An unterminated comment');
    if (source.slice(pos + 4, end).includes('--')) fail('"--" is not allowed inside a comment');
    pos = end + 3;
  };

  const parseElement = (depth: number): XmlElement => {
    if (depth > maxDepth) fail(`Elements are nested deeper than ${maxDepth}`);
    if (++elements > maxElements) fail(`More than ${maxElements} elements`);
    pos++; // '<'
    const name = readName();
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (;;) {
      const before = pos;
      skipWhitespace();
      if (startsWith('/>')) {
        pos += 2;
        return { name, attributes: { ...attributes }, children: [], text: '' };
      }
      if (startsWith('>')) {
        pos++;
        break;
      }
      if (pos === before) fail('Whitespace is needed between attributes');
      const attribute = readName();
      skipWhitespace();
      if (!startsWith('=')) fail(`The attribute ${attribute} has no value`);
      pos++;
      skipWhitespace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`The value of ${attribute} must be quoted`);
      const end = source.indexOf(quote!, pos + 1);
      if (end < 0) fail(`The value of ${attribute} is not closed`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`"<" is not allowed in the value of ${attribute}`, pos + 1 + raw.indexOf('<'));
      if (Object.hasOwn(attributes, attribute)) fail(`The attribute ${attribute} appears twice`);
      attributes[attribute] = decode(raw, pos + 1);
      pos = end + 1;
    }

    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`<${name}> is not closed`);
      if (startsWith('</')) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipWhitespace();
        if (!startsWith('>')) fail(`</${closing}> is not terminated`);
        pos++;
        return { name, attributes: { ...attributes }, children, text };
      }
      if (startsWith('<!--')) skipComment();
      else if (startsWith('<![CDATA[')) {
        const end = source.indexOf(']]>', pos + 9);
        if (end < 0) fail('An unterminated CDATA section');
        text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (startsWith('<?')) {
        const end = source.indexOf('?>', pos + 2);
        if (end < 0) fail('An unterminated processing instruction');
        pos = end + 2;
      } else if (startsWith('<!')) fail('Declarations are not allowed inside an element');
      else if (startsWith('<')) children.push(parseElement(depth + 1));
      else {
        const end = source.indexOf('<', pos);
        const raw = source.slice(pos, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" is not allowed in text', pos + raw.indexOf(']]>'));
        text += decode(raw, pos);
        pos += raw.length;
      }
    }
  };

  skipMisc(true);
  if (!startsWith('<')) fail('The document has no root element');
  const root = parseElement(1);
  skipMisc(false);
  if (pos < source.length) fail('Only one root element is allowed');
  return root;
}

/** The first child element named `name` (names compare case-sensitively, as XML does). */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child named `name`, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  const found = child(element, name);
  return found ? found.text.trim() : undefined;
}
