// Downloads the readable body of one message: only the text/html parts planBody() chose, in
// ONE UID FETCH (BODY.PEEK, so \Seen is never set), capped in size, decoded to strings.
//
// Why fetchOne with bodyParts and not client.download(): download() serves one part per call
// in 64 KB chunks (a FETCH each), re-fetches BODYSTRUCTURE for part "1" to decide between 1
// and TEXT, and converts charsets itself, leaving unknown ones unconverted (not UTF-8) with
// no fallback. We already hold the structure, so the raw sections are all we need.
//
// The caller must have the message's mailbox selected (mailboxOpen or getMailboxLock).
import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { decodeText, partCharset } from './decode';
import { MessageNotFoundError } from './errors';
import { decodeTransfer } from './transfer';
import { isBrokenMultipart, isStructure, planBody, type PartRef, type StructureNode } from './structure';

export { fetchPart } from './fetch-part';

/** Text parts larger than this (encoded bytes on the wire) are cut and a note is added. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** Without a BODYSTRUCTURE the whole source is parsed; this bounds what is downloaded. */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

export interface FetchedBody {
  html: string | null;
  text: string | null;
  /** A part was larger than the cap and only its beginning is here (a note says so). */
  truncated: boolean;
}

export interface FetchBodyOptions {
  maxTextBytes?: number;
  maxSourceBytes?: number;
}

export type BodyClient = Pick<ImapFlow, 'fetchOne'>;

/**
 * The FETCH section of a planned part. The body of a single-part message is asked as TEXT, as
 * imapflow's download() does: RFC 3501 allows "1" too (Dovecot answers both), but TEXT is
 * what every server implements.
 */
export function sectionFor(structure: StructureNode, ref: PartRef): string {
  const singlePart = !structure.part && !structure.childNodes?.length;
  return singlePart && ref.part === '1' ? 'TEXT' : ref.part;
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function truncationNote(ref: PartRef, cap: number): string {
  const of = ref.size > cap ? ` of ${megabytes(ref.size)}` : ''; // size 0: not known
  const sentence = `This message is too large to show in full: only the first ${megabytes(cap)}${of} are shown.`;
  return ref.type === 'text/html' ? `<hr><p><em>${sentence}</em></p>` : `\n\n[${sentence}]`;
}

/** Decodes one fetched section; cut at `cap` encoded bytes with a note when it was larger. */
function decodePart(raw: Buffer, ref: PartRef, cap: number): { value: string; truncated: boolean } {
  // a server may ignore the partial specifier and send the whole part: cut it here as well
  const truncated = ref.size > cap || raw.length > cap;
  const bytes = decodeTransfer(raw.length > cap ? raw.subarray(0, cap) : raw, ref.encoding);
  // line breaks as JavaScript and the renderer expect them (mailparser's fallback does the same)
  const value = decodeText(bytes, partCharset(ref.type, ref.charset, bytes), { truncated }).replace(/\r\n?/g, '\n');
  return { value: truncated ? value + truncationNote(ref, cap) : value, truncated };
}

/** Fetches and parses the whole source: for messages whose BODYSTRUCTURE is missing or broken. */
async function fetchBodyFromSource(client: BodyClient, uid: number, maxSourceBytes: number): Promise<FetchedBody> {
  const response = await client.fetchOne(
    String(uid),
    { source: { start: 0, maxLength: maxSourceBytes } },
    { uid: true },
  );
  if (!response) throw new MessageNotFoundError(uid);
  const source = response.source ?? Buffer.alloc(0);
  // mailparser decodes transfer encodings and charsets itself and tolerates a cut message;
  // skipHtmlToText keeps `text` meaning "the sender's text part", as in the planned path
  const parsed = await simpleParser(source, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  return {
    html: typeof parsed.html === 'string' ? parsed.html : null,
    text: typeof parsed.text === 'string' ? parsed.text : null,
    truncated: source.length >= maxSourceBytes,
  };
}

/**
 * A multipart whose boundary never occurs: show its body text as it is, as Thunderbird does,
 * rather than an empty message. Asked one byte over the cap to know whether it was cut.
 */
async function fetchUnparsedText(client: BodyClient, uid: number, cap: number): Promise<FetchedBody> {
  const response = await client.fetchOne(
    String(uid),
    { uid: true, bodyParts: [{ key: 'TEXT', start: 0, maxLength: cap + 1 }] },
    { uid: true },
  );
  if (!response) throw new MessageNotFoundError(uid);
  const raw = response.bodyParts?.get('text') ?? Buffer.alloc(0);
  const ref: PartRef = { part: 'TEXT', charset: null, encoding: '7bit', type: 'text/plain', size: 0 };
  const { value, truncated } = decodePart(raw, ref, cap);
  return { html: null, text: value, truncated };
}

const NOTHING: FetchedBody = { html: null, text: null, truncated: false };

/** Whether a fetched body has anything a person could read (not only blanks). */
const hasContent = (body: FetchedBody): boolean => Boolean(body.html?.trim() || body.text?.trim());

/**
 * A multipart with no parts at all ("--b--" and nothing else) leaves only delimiter lines in
 * its body text: that is not something to show.
 */
const onlyDelimiters = (text: string): boolean =>
  text.split('\n').every((line) => !line.trim() || line.trimStart().startsWith('--'));

/**
 * The text of a forwarded message (message/rfc822) when the outer one has none of its own: the
 * part is the whole inner message, parsed as a source (it is a complete message of its own).
 */
async function fetchForwarded(client: BodyClient, uid: number, section: string, cap: number): Promise<FetchedBody> {
  const response = await client.fetchOne(
    String(uid),
    { uid: true, bodyParts: [{ key: section, start: 0, maxLength: cap }] },
    { uid: true },
  );
  const raw = response ? response.bodyParts?.get(section.toLowerCase()) : undefined;
  if (!raw?.length) return NOTHING;
  const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  return {
    html: typeof parsed.html === 'string' ? parsed.html : null,
    text: typeof parsed.text === 'string' ? parsed.text : null,
    truncated: raw.length >= cap,
  };
}

/**
 * Downloads and decodes the text and HTML bodies of message `uid` in the selected mailbox.
 * Every message shows something: when the parts planned give no readable text, a forwarded
 * message's text one level down is the body; when there is nothing at all, both are null (never
 * an empty string), so the reader can say so in words.
 */
export async function fetchBody(
  client: BodyClient,
  uid: number,
  structure: unknown,
  options: FetchBodyOptions = {},
): Promise<FetchedBody> {
  const cap = options.maxTextBytes ?? MAX_TEXT_BYTES;
  const sourceCap = options.maxSourceBytes ?? MAX_SOURCE_BYTES;
  if (!isStructure(structure)) {
    const parsed = await fetchBodyFromSource(client, uid, sourceCap);
    return hasContent(parsed) ? parsed : NOTHING;
  }
  if (isBrokenMultipart(structure)) {
    const unparsed = await fetchUnparsedText(client, uid, cap);
    return hasContent(unparsed) && !onlyDelimiters(unparsed.text ?? '') ? unparsed : NOTHING;
  }
  const planned = await fetchPlannedParts(client, uid, structure, cap);
  if (hasContent(planned)) return planned;
  const forwarded = planBody(structure).attachments.find((a) => /^message\/(rfc822|global)$/.test(a.contentType));
  if (forwarded) {
    // the whole message is the forwarded one: its part is the body TEXT, not a section number
    const wholeMessage = /^message\//i.test(structure.type ?? '');
    const section = wholeMessage ? 'TEXT' : forwarded.part;
    const inner = await fetchForwarded(client, uid, section, sourceCap);
    if (hasContent(inner)) return inner;
  }
  return NOTHING;
}

/** The text and HTML parts planBody() chose, in one FETCH. */
async function fetchPlannedParts(
  client: BodyClient,
  uid: number,
  structure: StructureNode,
  cap: number,
): Promise<FetchedBody> {
  const plan = planBody(structure);
  const wanted = [plan.htmlPart, plan.textPart].filter((ref): ref is PartRef => ref !== null);
  if (wanted.length === 0) return NOTHING;

  // One FETCH for both parts. Each section appears once: imapflow keys answers by section
  // alone, so a full and a partial request for the same section would overwrite each other.
  const sections = wanted.map((ref) => sectionFor(structure, ref));
  const bodyParts = wanted.map((ref, i) =>
    ref.size > cap ? { key: sections[i]!, start: 0, maxLength: cap } : sections[i]!,
  );
  const response = await client.fetchOne(String(uid), { uid: true, bodyParts }, { uid: true });
  if (!response) throw new MessageNotFoundError(uid);

  const result: FetchedBody = { html: null, text: null, truncated: false };
  wanted.forEach((ref, i) => {
    // imapflow lowercases section keys and drops the <origin> of a partial answer
    const raw = response.bodyParts?.get(sections[i]!.toLowerCase());
    if (!raw) return;
    const { value, truncated } = decodePart(raw, ref, cap);
    result.truncated ||= truncated;
    if (ref === plan.htmlPart) result.html = value;
    else result.text = value;
  });
  return result;
}
