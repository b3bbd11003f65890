// The meaning of an ENVELOPE, as imapflow's parseEnvelope gives it, for the header FETCH reader
// (fetch-line.ts): the same object, field for field, from the same tokens.
//
// Why not imapflow's own: it hands every text field to libmime's decodeWords, which runs five
// regular expressions over a string whether it holds an encoded word or not (0.6 µs a plain
// name) and decodes an encoded one afresh each time (4-5 µs: the charset looked up, the bytes
// converted). An envelope names its sender three times (From, Sender, Reply-To) and a mailbox
// names the same people over and over, so in a first sync that was a fifth of the main thread's
// time in a profile of the app's engine. Here a string with no "=?" is its own decoding, and an
// encoded one is decoded once (mime-words.ts: libmime's decodeWords without its regular
// expression passes) and remembered: the text is libmime's either way.
// test/unit/envelope.test.ts holds it to imapflow's parseEnvelope on every shape.
import libmime from 'libmime';
import { decodeWords } from './mime-words';

/** An ENVELOPE field as imapflow's parser makes it: NIL is null, a list an array. */
type Token = { value?: unknown } | null | undefined | Token[];

export interface EnvelopeAddress {
  name: string;
  address: string;
}

export interface Envelope {
  date?: Date | string;
  subject?: string;
  from?: EnvelopeAddress[];
  sender?: EnvelopeAddress[];
  replyTo?: EnvelopeAddress[];
  to?: EnvelopeAddress[];
  cc?: EnvelopeAddress[];
  bcc?: EnvelopeAddress[];
  inReplyTo?: string;
  messageId?: string;
}

/** Decoded encoded words by their raw text; emptied when full (a first sync meets few distinct names). */
const decoded = new Map<string, string>();
const DECODED_MAX = 4096;

/**
 * libmime's decodeWords (mime-words.ts gives its result), remembered. A string without "=?"
 * (which every one of its patterns starts with) and without NUL (its join marker holds one) comes
 * back unchanged from it, so it is returned as it is.
 */
export function decodeMimeWords(text: unknown): string {
  if (typeof text === 'string' && !text.includes('=?') && !text.includes('\0')) return text;
  if (typeof text !== 'string') return libmime.decodeWords(text as string);
  let value = decoded.get(text);
  if (value === undefined) {
    value = decodeWords(text);
    if (decoded.size >= DECODED_MAX) decoded.clear();
    decoded.set(text, value);
  }
  return value;
}

/** The text of a string token (a literal's bytes as UTF-8); false for NIL, as imapflow reads it. */
function textOf(token: Token): unknown {
  if (!token) return false;
  const value = (token as { value?: unknown }).value;
  return Buffer.isBuffer(value) ? value.toString() : value;
}

/** A display name: encoded words decoded, then the quotes some servers leave around it taken off. */
function displayName(raw: unknown): string {
  const name = String(decodeMimeWords(raw) || '');
  return name.length > 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1) : name;
}

function addresses(list: Token[]): EnvelopeAddress[] {
  const out: EnvelopeAddress[] = [];
  for (const entry of list) {
    if (!entry) continue; // a NIL inside the list
    const fields = entry as Token[];
    const name = displayName(textOf(fields[0]));
    const mailbox = (textOf(fields[2]) || '') as string;
    const host = (textOf(fields[3]) || '') as string;
    // RFC 9051 7.5.2: a NIL host is group syntax, not an empty domain; the group's name (in the
    // mailbox field) is shown as a name and no address is made up; the group's end has neither
    const address = host
      ? { name, address: `${mailbox}@${host}` }
      : { name: name || (mailbox && displayName(mailbox)), address: '' };
    if (address.name || address.address) out.push(address);
  }
  return out;
}

/** Whether a field holds a value (imapflow skips NIL and empty strings alike). */
const present = (token: Token): boolean => Boolean(token && (token as { value?: unknown }).value);

const ADDRESS_FIELDS = ['from', 'sender', 'replyTo', 'to', 'cc', 'bcc'] as const;

export function parseEnvelope(fields: Token[]): Envelope {
  const envelope: Envelope = {};
  if (present(fields[0])) {
    const text = textOf(fields[0]) as string;
    const date = new Date(text);
    envelope.date = Number.isNaN(date.getTime()) ? text : date;
  }
  if (present(fields[1])) envelope.subject = decodeMimeWords(textOf(fields[1]));
  ADDRESS_FIELDS.forEach((key, n) => {
    const list = fields[2 + n];
    if (Array.isArray(list) && list.length) envelope[key] = addresses(list);
  });
  if (present(fields[8])) envelope.inReplyTo = String(textOf(fields[8]) || '').trim();
  if (present(fields[9])) envelope.messageId = String(textOf(fields[9]) || '').trim();
  return envelope;
}
