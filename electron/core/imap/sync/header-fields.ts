// What header sync asks the server for, and how one FETCH response becomes a stored row.
// Only envelope-level data: no body byte is downloaded here.
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import type { Address, MessageFlags } from '../../../../shared/domain';
import type { HeaderRecord } from '../../store/messages-repo';

export const HEADER_QUERY: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  bodyStructure: true,
  internalDate: true,
  size: true,
  headers: ['references'],
};

// The functions below run once per header of a sync (tens of thousands in a row): plain loops,
// no intermediate arrays.

export function toAddresses(list: MessageAddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  if (list) for (const a of list) if (a.address || a.name) out.push({ name: a.name ?? '', address: a.address ?? '' });
  return out;
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
  return { flags: result, keywords };
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

/** The thread a message belongs to: the root of its References chain, else what it replies to, else itself. */
export function threadKeyOf(
  messageId: string | null,
  inReplyTo: string | null,
  references: string[],
  fallback: string,
): string {
  return references[0] ?? inReplyTo ?? messageId ?? fallback;
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
  return {
    uid: msg.uid,
    messageId,
    subject: env?.subject ?? '',
    from: toAddresses(env?.from),
    to: toAddresses(env?.to),
    cc: toAddresses(env?.cc),
    date,
    size: msg.size ?? 0,
    flags,
    keywords,
    hasAttachments: msg.bodyStructure ? hasAttachments(msg.bodyStructure) : false,
    threadKey: threadKeyOf(messageId, inReplyTo, references, `${mailboxKey}:${msg.uid}`),
    inReplyTo,
    bodystructure: msg.bodyStructure ? JSON.stringify(msg.bodyStructure) : null,
  };
}
