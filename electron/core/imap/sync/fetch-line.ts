// Reads one untagged FETCH response of a header sync straight from the line imapflow's stream
// framed, into the same message object imapflow's FETCH would have given.
//
// Why: in a first sync, parsing is most of a header's cost, and most of that is imapflow's
// generic path: a character-by-character tokenizer building a node tree, each item's key turned
// back into text by its command compiler, an MD5 for an id header sync never reads, and a promise
// or two per message. Measured on the bench's 50,000 messages, those parts were over half of a
// bare imapflow fetch's main-thread time. This reader tokenizes the few shapes a header FETCH
// answer has in one pass, then hands BODYSTRUCTURE to bodystructure.ts and ENVELOPE to
// envelope.ts, which give imapflow's parseBodystructure's and parseEnvelope's objects with less
// work per parameter and encoded word, so what each field means (encoded words, group syntax,
// RFC 2231 parameters, broken dates) is what it was before.
//
// It answers null for anything it is not sure of (an item it does not know, a partial, a
// literal8, a nesting deeper than it reads, a character an atom may not hold, any syntax it does
// not expect); imapflow then parses that line as it always did. fast-fetch.ts decides when a line
// is offered here at all. test/unit/fetch-line.test.ts holds it to imapflow's parser and
// formatMessageResponse on every shape, and test/integration/fast-fetch.test.ts on the real
// servers' answers.
import type { FetchMessageObject, MailboxObject } from 'imapflow';
import {
  getFlagColor,
  getStringList,
  MAX_UINT32_DIGITS,
  parseBigIntValue,
  parseUintValue,
} from 'imapflow/lib/tools.js';
import { parseBodystructure } from './bodystructure';
import { parseEnvelope } from './envelope';

/** A token as imapflow's parser makes it: NIL is null, a list an array. */
type Token = { type: 'ATOM' | 'STRING' | 'LITERAL'; value: string | Buffer } | null | Token[];
type Leaf = Exclude<Token, null | Token[]>;

/** Deeper lists are left to imapflow, which cuts them at its own depth (100) in its own way. */
const MAX_DEPTH = 48;

/** Thrown inside the reader when the line is not one it is sure of; never leaves this module. */
const NOT_MINE = new Error('not a line the header FETCH reader reads');

/** The FETCH items a header sync's answer holds, and what imapflow calls them (formatMessageResponse). */
const ITEMS = new Set([
  'UID',
  'FLAGS',
  'INTERNALDATE',
  'RFC822.SIZE',
  'ENVELOPE',
  'BODYSTRUCTURE',
  'MODSEQ',
  'EMAILID',
  'THREADID',
]);

/** What the header sync needs of a line: the message, and whether it carried the items a header FETCH asks for. */
export interface HeaderFetchLine {
  message: FetchMessageObject;
  /** UID, ENVELOPE and BODYSTRUCTURE were all there: the answer of a header FETCH, not a flag update. */
  complete: boolean;
}

/**
 * The message of one `* n FETCH (...)` line (the line without its CRLF, literals taken out as
 * imapflow's stream frames them), or null when imapflow should parse it. `mailbox` is updated
 * as imapflow updates it (uidNext and highestModseq follow what the line shows).
 */
export function readHeaderFetchLine(
  payload: Buffer,
  literals: readonly Buffer[],
  mailbox: MailboxObject | false | undefined,
): HeaderFetchLine | null {
  // a server padding lines with NULs: imapflow's parser has the workaround
  if (payload.length < 12 || payload[0] !== 0x2a || payload[1] !== 0x20) return null;
  let reader: LineReader;
  let items: Map<string, Token>;
  try {
    reader = new LineReader(payload.toString(), literals);
    items = reader.fetchItems();
  } catch (error) {
    if (error === NOT_MINE) return null;
    throw error;
  }
  return toMessage(reader.seq, items, mailbox);
}

class LineReader {
  private pos = 0;
  private literal = 0;
  seq = '';

  constructor(
    private readonly text: string,
    private readonly literals: readonly Buffer[],
  ) {}

  /** `* <seq> FETCH (<key> <value> ...)`: the items by imapflow's name for them. */
  fetchItems(): Map<string, Token> {
    const { text } = this;
    this.pos = 2;
    const seqStart = this.pos;
    while (this.pos < text.length && isDigit(text.charCodeAt(this.pos))) this.pos++;
    if (this.pos === seqStart || !text.startsWith(' FETCH (', this.pos)) throw NOT_MINE;
    this.seq = text.slice(seqStart, this.pos);
    this.pos += 8;
    const items = new Map<string, Token>();
    this.skipSpaces();
    if (text.charCodeAt(this.pos) === 0x29 /* ) */) throw NOT_MINE;
    for (;;) {
      const key = this.itemKey();
      if (text.charCodeAt(this.pos) !== 0x20) throw NOT_MINE;
      this.skipSpaces();
      // imapflow applies a repeated item twice, side effects and all
      if (items.has(key)) throw NOT_MINE;
      items.set(key, this.value(0));
      this.skipSpaces();
      if (text.charCodeAt(this.pos) === 0x29) break;
    }
    this.pos++;
    this.skipSpaces();
    if (this.pos !== text.length) throw NOT_MINE;
    return items;
  }

  /** An item's name, or "HEADER" for a BODY[HEADER...] section: nothing else is read here. */
  private itemKey(): string {
    const { text } = this;
    const start = this.pos;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x5b /* [ */) break;
      if (!isAtomChar(c)) throw NOT_MINE;
      this.pos++;
    }
    const name = text.slice(start, this.pos).toUpperCase();
    if (text.charCodeAt(this.pos) !== 0x5b) {
      if (!ITEMS.has(name)) throw NOT_MINE;
      return name;
    }
    // BODY[HEADER], BODY[HEADER.FIELDS (...)], BODY[HEADER.FIELDS.NOT (...)]: imapflow's `headers`
    if (name !== 'BODY') throw NOT_MINE;
    const close = text.indexOf(']', this.pos);
    if (close < 0) throw NOT_MINE;
    const section = text.slice(this.pos + 1, close).toUpperCase();
    if (section !== 'HEADER' && !section.startsWith('HEADER.FIELDS')) throw NOT_MINE;
    // the field names may be quoted (Courier quotes them); a literal or a nested section is imapflow's
    for (let i = this.pos + 1; i < close; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b || c < 0x20 || c > 0x7e) throw NOT_MINE;
    }
    this.pos = close + 1;
    // a partial (<origin>) is imapflow's to record
    if (text.charCodeAt(this.pos) === 0x3c) throw NOT_MINE;
    return 'HEADER';
  }

  private value(depth: number): Token {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 0x28 /* ( */) return this.list(depth + 1);
    if (c === 0x22 /* " */) return this.quoted();
    if (c === 0x7b /* { */) return this.literalValue();
    return this.atom();
  }

  private list(depth: number): Token[] {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const { text } = this;
    this.pos++;
    const items: Token[] = [];
    this.skipSpaces();
    while (text.charCodeAt(this.pos) !== 0x29) {
      if (this.pos >= text.length) throw NOT_MINE;
      items.push(this.value(depth));
      const next = text.charCodeAt(this.pos);
      if (next === 0x20) this.skipSpaces();
      else if (next !== 0x29 && next !== 0x28 && next !== 0x22) throw NOT_MINE;
    }
    this.pos++;
    return items;
  }

  /** A quoted string; a backslash escapes the character after it, as imapflow reads it. */
  private quoted(): Leaf {
    const { text } = this;
    const start = ++this.pos;
    let escaped = false;
    for (;;) {
      if (this.pos >= text.length) throw NOT_MINE;
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c === 0x5c /* \ */) {
        escaped = true;
        this.pos++;
      }
      this.pos++;
    }
    const raw = text.slice(start, this.pos);
    this.pos++;
    return { type: 'STRING', value: escaped ? raw.replace(/\\([\s\S])/g, '$1') : raw };
  }

  /** `{n}` CRLF: the next of the literals the stream took out of the line. */
  private literalValue(): Leaf {
    const { text } = this;
    const close = text.indexOf('}', this.pos);
    if (close < 0) throw NOT_MINE;
    const digits = text.slice(this.pos + 1, close);
    if (!/^\d{1,10}$/.test(digits)) throw NOT_MINE;
    if (text.charCodeAt(close + 1) !== 0x0d || text.charCodeAt(close + 2) !== 0x0a) throw NOT_MINE;
    const value = this.literals[this.literal++];
    if (value === undefined || value.length !== Number(digits)) throw NOT_MINE;
    this.pos = close + 3;
    return { type: 'LITERAL', value };
  }

  private atom(): Leaf | null {
    const { text } = this;
    const start = this.pos;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x29 || c === 0x28) break;
      if (!isAtomChar(c)) throw NOT_MINE;
      this.pos++;
    }
    if (this.pos === start) throw NOT_MINE;
    const value = text.slice(start, this.pos);
    if (value.length === 3 && value.toUpperCase() === 'NIL') return null;
    return { type: 'ATOM', value };
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === 0x20) this.pos++;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The characters this reader takes in an atom: ASCII ATOM-CHARs and the backslash of a system
 * flag. Not `(`, `)`, `{`, `"`, `%`, `*`, `[`, `]` nor controls, nor 8-bit: imapflow reads those.
 */
function isAtomChar(c: number): boolean {
  if (c <= 0x20 || c >= 0x7f) return false;
  return c !== 0x28 && c !== 0x29 && c !== 0x7b && c !== 0x22 && c !== 0x25 && c !== 0x2a && c !== 0x5b && c !== 0x5d;
}

/** What formatMessageResponse makes of the items, for the ones a header FETCH has. */
function toMessage(
  seq: string,
  items: Map<string, Token>,
  mailbox: MailboxObject | false | undefined,
): HeaderFetchLine {
  const map: Record<string, unknown> = {};
  map.seq = parseUintValue(seq, MAX_UINT32_DIGITS) || undefined;
  for (const [key, value] of items) {
    switch (key) {
      case 'UID': {
        const uid = parseUintValue(stringOf(value), MAX_UINT32_DIGITS) || undefined;
        map.uid = uid;
        if (uid && mailbox && (!mailbox.uidNext || mailbox.uidNext <= uid)) mailbox.uidNext = uid + 1;
        break;
      }
      case 'MODSEQ': {
        const modseq = parseBigIntValue(getStringList(value)[0]);
        if (modseq === false) break;
        map.modseq = modseq;
        if (modseq && mailbox && (!mailbox.highestModseq || mailbox.highestModseq < modseq))
          mailbox.highestModseq = modseq;
        break;
      }
      case 'EMAILID':
        map.emailId = getStringList(value)[0];
        break;
      case 'THREADID':
        map.threadId = getStringList(value)[0];
        break;
      case 'RFC822.SIZE':
        map.size = parseUintValue(stringOf(value)) || 0;
        break;
      case 'FLAGS':
        map.flags = new Set(getStringList(value));
        break;
      case 'ENVELOPE':
        if (Array.isArray(value)) map.envelope = parseEnvelope(value as never);
        break;
      case 'BODYSTRUCTURE':
        if (Array.isArray(value)) map.bodyStructure = parseBodystructure(value as never);
        break;
      case 'INTERNALDATE': {
        const text = stringOf(value);
        const date = new Date(text as string);
        // imapflow asks date.toString() whether it is valid, which formats the date in the local
        // time zone (microseconds a message): an invalid Date is exactly one whose time is NaN
        map.internalDate = Number.isNaN(date.getTime()) ? text : date;
        break;
      }
      case 'HEADER':
        map.headers = bufferOf(value);
        break;
    }
  }
  // imapflow also sets `id` (an MD5 of path, UIDVALIDITY and UID, or the EMAILID): header sync
  // reads no id, and that hash was a tenth of imapflow's own time a message
  if (map.flags) {
    const color = getFlagColor(map.flags as Set<string>);
    if (color) map.flagColor = color;
  }
  return {
    message: map as unknown as FetchMessageObject,
    complete: map.uid !== undefined && items.has('ENVELOPE') && items.has('BODYSTRUCTURE'),
  };
}

/** imapflow's getString: the text of a string token, false for NIL. */
function stringOf(token: Token): string | false | undefined {
  if (!token) return false;
  if (Array.isArray(token)) return undefined;
  return typeof token.value === 'string' ? token.value : token.value.toString();
}

/** imapflow's getBuffer: a section's bytes (a quoted one as UTF-8), false for NIL. */
function bufferOf(token: Token): Buffer | false | undefined {
  if (!token) return false;
  if (Array.isArray(token)) return undefined;
  return Buffer.isBuffer(token.value) ? token.value : Buffer.from(token.value);
}
