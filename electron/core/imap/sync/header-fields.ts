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

export function toAddresses(list: MessageAddressObject[] | undefined): Address[] {
  return (list ?? []).filter((a) => a.address || a.name).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
}

export function toFlags(flags: Set<string> | undefined): { flags: MessageFlags; keywords: string[] } {
  const set = flags ?? new Set<string>();
  const keywords = [...set].filter((f) => !f.startsWith('\\'));
  return {
    flags: {
      seen: set.has('\\Seen'),
      flagged: set.has('\\Flagged'),
      answered: set.has('\\Answered'),
      draft: set.has('\\Draft'),
    },
    keywords,
  };
}

const MESSAGE_ID = /<[^<>\s]+>/g;

export function parseReferences(headers: Buffer | undefined): string[] {
  if (!headers) return [];
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
  const inReplyTo = env?.inReplyTo?.match(MESSAGE_ID)?.[0] ?? null;
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
