// A message's header (TOP n 0, or the start of RETR) as the row the list shows. IMAP gets these
// fields parsed by the server (ENVELOPE); POP3 sends raw bytes, so they are read here: unfold the
// lines, decode RFC 2047 words, parse the address lists. It runs once per downloaded message, so
// it stays small and synchronous (a full MIME parser costs more than the download).
import { hash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import type { Address } from '../../../shared/domain';
import type { HeaderRecord } from '../store/messages-repo';

/** The list shows one line; the same cap as IMAP's header sync. */
const MAX_SUBJECT_CHARS = 2000;
const MAX_ADDRESSES_PER_FIELD = 100;
/** Header bytes read for the row; a header larger than this is cut (the whole message is kept anyway). */
const MAX_HEADER_BYTES = 256 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** What ends a header, as bytes: a string needle is encoded again on every search. */
const BLANK_LINE = Buffer.from('\r\n\r\n');

/** The header block of a message: everything before the first empty line. */
export function headerBlock(message: Buffer): Buffer {
  const end = message.indexOf(BLANK_LINE);
  const block = end < 0 ? message : message.subarray(0, end + 2);
  return block.length > MAX_HEADER_BYTES ? block.subarray(0, MAX_HEADER_BYTES) : block;
}

/**
 * What recognises a message whose UIDL the server changed: the same header bytes. The one-shot
 * hash() gives the same SHA-256 as a Hash object (stored hashes stay comparable) without making
 * one per message: measured on the bench's messages, ~1.3 µs instead of ~2 to 5.
 */
export function headerHash(message: Buffer): string {
  return hash('sha256', headerBlock(message), 'base64');
}

/** Header text: UTF-8 when it is valid UTF-8 (raw 8-bit headers), else Latin-1. */
function headerText(block: Buffer): string {
  try {
    return utf8.decode(block);
  } catch {
    return block.toString('latin1');
  }
}

/** The fields the list's row is made of (pop3HeaderRecord); the others are only in the stored source. */
export const ROW_FIELDS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'content-type',
  'received',
]);

/**
 * Unfolded fields by lower-case name, each with every value it has (in order); with `only`, just
 * those fields. A download reads the row's ten: the Received trail, DKIM signatures and the like
 * are most of a header's lines, and unfolding them cost a third of the parsing.
 */
export function headerFields(message: Buffer, only?: ReadonlySet<string>): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name === null) return;
    const list = fields.get(name);
    if (list) list.push(value.trim());
    else fields.set(name, [value.trim()]);
  };
  const text = headerText(headerBlock(message));
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (line === '') continue;
    if (line[0] === ' ' || line[0] === '\t') {
      if (name !== null) value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // not a field (a broken line): skipped, as mail readers do
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    // a field not asked for is passed over with its continuation lines
    if (only && !only.has(name)) name = null;
    else value = line.slice(colon + 1);
  }
  flush();
  return fields;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const BETWEEN_WORDS = /(\?=)\s+(=\?)/g;

// A decoder per charset, made once: making one for every encoded word was a third of the header
// parsing a download does. Unknown charsets throw where they always did, on construction.
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function decoderFor(charset: string): InstanceType<typeof TextDecoder> {
  const label = charset.replace(/\*.*$/, '').toLowerCase();
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label);
    decoders.set(label, decoder);
  }
  return decoder;
}

/** Decodes RFC 2047 encoded words; an unknown charset or a broken word is left as it came. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  // whitespace between two encoded words is not part of the text (RFC 2047 section 6.2)
  return value
    .replace(BETWEEN_WORDS, '$1$2')
    .replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(text, 'base64')
            : Buffer.from(
                text
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                'latin1',
              );
        return decoderFor(charset).decode(bytes);
      } catch {
        return word;
      }
    });
}

// The shapes nearly every From and To has, one mailbox with an optional plain or quoted name.
// A value of one of these reads the same as addressparser reads it (test/unit/pop3-header.test.ts
// holds them side by side), at a tenth of its cost; anything else goes to addressparser.
const BARE_ADDRESS = /^([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+)$/;
const NAMED_ADDRESS =
  /^(?:"([^"\\\s](?:[^"\\]*[^"\\\s])?)"|([^\s"(),:;<>@[\]\\]+(?: [^\s"(),:;<>@[\]\\]+)*)) ?<([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+)>$/;

/** The one mailbox of a value in a common shape, or null to leave it to addressparser. */
export function simpleAddress(value: string): { name: string; address: string } | null {
  const bare = BARE_ADDRESS.exec(value);
  if (bare) return { name: '', address: bare[1]! };
  const named = NAMED_ADDRESS.exec(value);
  if (!named || / {2}/.test(named[1] ?? '')) return null;
  return { name: named[1] ?? named[2] ?? '', address: named[3]! };
}

function addresses(values: string[] | undefined): { list: Address[]; omitted: number } {
  const list: Address[] = [];
  let omitted = 0;
  for (const value of values ?? []) {
    const simple = simpleAddress(value);
    for (const a of simple ? [simple] : addressparser(value, { flatten: true })) {
      if (!a.address && !a.name) continue;
      if (list.length === MAX_ADDRESSES_PER_FIELD) omitted++;
      else list.push({ name: decodeWords(a.name ?? ''), address: a.address ?? '' });
    }
  }
  return { list, omitted };
}

function capSubject(subject: string): string {
  if (subject.length <= MAX_SUBJECT_CHARS) return subject;
  let end = MAX_SUBJECT_CHARS - 1;
  const code = subject.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${subject.slice(0, end)}…`;
}

function time(value: string | undefined): number | null {
  if (!value) return null;
  const t = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isFinite(t) ? t : null;
}

/**
 * The row of a downloaded message. `size` is LIST's; `receivedFallback` dates a message without
 * a readable Date header or Received line (the time it was downloaded).
 */
export function pop3HeaderRecord(
  message: Buffer,
  size: number,
  receivedFallback: number,
  fallbackKey: string,
): Omit<HeaderRecord, 'uid'> {
  const fields = headerFields(message, ROW_FIELDS);
  const first = (name: string) => fields.get(name)?.[0];
  const messageId = /<[^<>\s]+>/.exec(first('message-id') ?? '')?.[0] ?? null;
  const inReplyTo = /<[^<>\s]+>/.exec(first('in-reply-to') ?? '')?.[0] ?? null;
  const references = (fields.get('references') ?? []).join(' ').match(/<[^<>\s]+>/g) ?? [];
  // a message without a Date: when its newest Received line says the server got it
  const received = first('received');
  const date = time(first('date')) ?? time(received?.slice(received.lastIndexOf(';') + 1)) ?? receivedFallback;
  const from = addresses(fields.get('from'));
  const to = addresses(fields.get('to'));
  const cc = addresses(fields.get('cc'));
  const contentType = (first('content-type') ?? '').toLowerCase();
  const omitted = from.omitted + to.omitted + cc.omitted;
  return {
    messageId,
    subject: capSubject(decodeWords(first('subject') ?? '')),
    from: from.list,
    to: to.list,
    cc: cc.list,
    date,
    size,
    flags: { seen: false, flagged: false, answered: false, draft: false },
    keywords: [],
    // refined once the whole message is parsed; multipart/mixed is the usual mark of attachments
    hasAttachments: contentType.startsWith('multipart/mixed'),
    threadKey: references[0] ?? inReplyTo ?? messageId ?? fallbackKey,
    inReplyTo,
    bodystructure: null,
    ...(omitted ? { addressesOmitted: omitted } : {}),
  };
}
