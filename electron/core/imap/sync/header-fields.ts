// What header sync asks the server for, and how one FETCH response becomes a stored row.
// Only envelope-level data: no body byte is downloaded here.
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import type { Address, MessageFlags } from '../../../../shared/domain';
import type { HeaderRecord } from '../../store/messages-repo';
import { limitStructureDepth } from '../body/structure-depth';

/**
 * A subject longer than this is cut: it is shown on one line, and the list, the search index
 * and every pre-rendered row would otherwise carry whatever megabytes a sender put there.
 */
export const MAX_SUBJECT_CHARS = 2000;
/** Addresses kept per field (From, To, Cc); how many more there were is kept as a count. */
export const MAX_ADDRESSES_PER_FIELD = 100;

export const HEADER_QUERY: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  headers: ['references'],
};

/**
 * Gmail's header query also asks for X-GM-THRID, Gmail's own thread id (imapflow's threadId),
 * and X-GM-LABELS, the message's labels, shown on it (so the label folders need no sync).
 */
const GMAIL_HEADER_QUERY: FetchQueryObject = { ...HEADER_QUERY, threadId: true, labels: true };

/** The header query for a server: only Gmail is asked for its thread id and labels (others pay no byte for them). */
export function headerQueryFor(capabilities: ReadonlyMap<string, unknown>): FetchQueryObject {
  return capabilities.has('X-GM-EXT-1') ? GMAIL_HEADER_QUERY : HEADER_QUERY;
}

// The functions below run once per header of a sync (tens of thousands in a row): plain loops,
// no intermediate arrays.

export function toAddresses(list: MessageAddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  if (list)
    for (const a of list) {
      if (out.length === MAX_ADDRESSES_PER_FIELD) break;
      if (a.address || a.name) out.push({ name: a.name ?? '', address: a.address ?? '' });
    }
  return out;
}

/** The addresses of a field that toAddresses() left out for the cap. */
function addressesOmitted(list: MessageAddressObject[] | undefined): number {
  if (!list || list.length <= MAX_ADDRESSES_PER_FIELD) return 0;
  let shown = 0;
  let all = 0;
  for (const a of list)
    if (a.address || a.name) {
      all++;
      if (shown < MAX_ADDRESSES_PER_FIELD) shown++;
    }
  return all - shown;
}

/** A subject within MAX_SUBJECT_CHARS, cut with an ellipsis (never inside a surrogate pair). */
export function capSubject(subject: string): string {
  if (subject.length <= MAX_SUBJECT_CHARS) return subject;
  let end = MAX_SUBJECT_CHARS - 1;
  const code = subject.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${subject.slice(0, end)}…`;
}

export function toFlags(flags: Set<string> | undefined): { flags: MessageFlags; keywords: string[] } {
  const result = { seen: false, flagged: false, answered: false, draft: false };
  const keywords: string[] = [];
  if (flags)
    for (const flag of flags) {
      if (flag === '\\Seen') result.seen = true;
      else if (flag === '\\Flagged') result.flagged = true;
      else if (flag === '\\Answered') result.answered = true;
      else if (flag === '\\Draft') result.draft = true;
      else if (!flag.startsWith('\\')) keywords.push(flag);
    }
  return { flags: result, keywords: keywords.sort() };
}

/**
 * Gmail's labels as stored: sorted, once each; undefined where the server sent none (not Gmail,
 * or not asked), so the stored ones stay. Gmail leaves out the label of the selected folder.
 */
export function toGmailLabels(labels: Set<string> | undefined): string[] | undefined {
  return labels ? [...labels].sort() : undefined;
}

const MESSAGE_ID = /<[^<>\s]+>/g;
const FIRST_MESSAGE_ID = /<[^<>\s]+>/;
/** Shorter than any "References: <a@b>" line: what a server sends for a message without one. */
const NO_REFERENCES = 16;

export function parseReferences(headers: Buffer | undefined): string[] {
  if (!headers || headers.length < NO_REFERENCES) return [];
  // "References: <a@x>\r\n <b@y>" – unfolded by matching ids anywhere in the block.
  const text = headers.toString('latin1').replace(/^references:/i, '');
  return text.match(MESSAGE_ID) ?? [];
}

/**
 * The thread a message belongs to: Gmail's thread id where the server gives one (X-GM-THRID,
 * which Gmail keeps across folders), else the root of its References chain, else what it
 * replies to, else itself.
 */
export function threadKeyOf(
  messageId: string | null,
  inReplyTo: string | null,
  references: string[],
  fallback: string,
  gmailThreadId?: string,
): string {
  if (gmailThreadId) return `${GMAIL_THREAD_PREFIX}${gmailThreadId}`;
  return references[0] ?? inReplyTo ?? messageId ?? fallback;
}

/** thread_key's prefix for Gmail's own thread id: the threader then links by that alone. */
export const GMAIL_THREAD_PREFIX = 'gm:';
/** References kept beyond the first and the last: the chain of a very long thread is cut. */
export const MAX_THREAD_REFS = 20;

/**
 * The References between the first (thread_key) and the one In-Reply-To names, space
 * separated, or null (most messages): the threader links a message by these too, so a reply
 * whose References lost their root or whose In-Reply-To is missing still finds its thread.
 */
export function threadRefsOf(references: string[], inReplyTo: string | null): string | null {
  if (references.length <= 1) return null;
  let end = references.length;
  if (references[end - 1] === inReplyTo) end--;
  const middle = references.slice(Math.max(1, end - MAX_THREAD_REFS), end);
  return middle.length ? middle.join(' ') : null;
}

function validTime(date: Date | string | undefined): number | null {
  if (!date) return null;
  const t = (date instanceof Date ? date : new Date(date)).getTime();
  return Number.isFinite(t) ? t : null;
}

export function toHeaderRecord(
  msg: FetchMessageObject,
  mailboxKey: string,
  hasAttachments: (structure: unknown) => boolean,
): HeaderRecord {
  const env = msg.envelope;
  const { flags, keywords } = toFlags(msg.flags);
  const messageId = env?.messageId ?? null;
  const inReplyTo = (env?.inReplyTo && FIRST_MESSAGE_ID.exec(env.inReplyTo)?.[0]) || null;
  const references = parseReferences(msg.headers);
  // A missing or broken Date header falls back to when the server received the message.
  const date = validTime(env?.date) ?? validTime(msg.internalDate) ?? 0;
  // cut before anything walks or serializes it: a structure nested thousands deep must not
  // overflow the stack and fail the whole batch this message came in
  const structure = msg.bodyStructure ? limitStructureDepth(msg.bodyStructure) : null;
  const omitted = addressesOmitted(env?.from) + addressesOmitted(env?.to) + addressesOmitted(env?.cc);
  return {
    uid: msg.uid,
    messageId,
    subject: capSubject(env?.subject ?? ''),
    from: toAddresses(env?.from),
    to: toAddresses(env?.to),
    cc: toAddresses(env?.cc),
    date,
    size: msg.size ?? 0,
    flags,
    keywords,
    hasAttachments: structure ? hasAttachments(structure) : false,
    threadKey: threadKeyOf(messageId, inReplyTo, references, `${mailboxKey}:${msg.uid}`, msg.threadId),
    inReplyTo,
    threadRefs: msg.threadId ? null : threadRefsOf(references, inReplyTo),
    bodystructure: structure ? JSON.stringify(structure) : null,
    ...(omitted ? { addressesOmitted: omitted } : {}),
    ...(msg.labels ? { gmailLabels: toGmailLabels(msg.labels) } : {}),
  };
}
