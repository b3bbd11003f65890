// What the composer edits, and how replies and forwards are prefilled from a message.
// Pure: the caller passes the translated lines (quote header, forward header) in.
import type { BodyFormat, ComposeDraft as ContractDraft } from '../../shared/compose';
import type { AccountId, Address, MessageHeader } from '../../shared/domain';
import {
  forwardSubject as sharedForwardSubject,
  replySubject as sharedReplySubject,
  subjectLanguageOf,
} from '../../shared/subject';
import { addressListText } from '../format/format-address';

/**
 * The engine's draft (shared/compose.ts) as the composer edits it: the same fields (Bcc and
 * Reply-To included, so a draft from another device keeps them), but an account that may not be
 * chosen yet, and no engine id until the first save (sending then replaces that draft).
 * Attachments are as the engine knows them: pasted or picked files travel as data until the
 * first save makes them 'stored'.
 */
export type ComposeDraft = Omit<ContractDraft, 'accountId' | 'draftId'> & {
  accountId: AccountId | null;
  draftId?: string | null;
};

export function emptyDraft(accountId: AccountId | null, format: BodyFormat = 'html'): ComposeDraft {
  return {
    mode: 'new',
    accountId,
    originalId: null,
    to: '',
    cc: '',
    from: '',
    bcc: '',
    replyTo: '',
    subject: '',
    format,
    body: '',
    inReplyTo: null,
    references: [],
    attachments: [],
  };
}

/** The engine's draft (compose.prepare, drafts.open, drafts.get) as the composer edits it. */
export function fromContractDraft(draft: ContractDraft): ComposeDraft {
  return { ...draft };
}

// The prefix follows the composer's language ("Sv:"/"VB:" in Swedish, "Re:"/"Fwd:" in English);
// every language's incoming prefixes are recognised (shared/subject.ts), so they never stack.
export function replySubject(subject: string, locale?: string): string {
  return sharedReplySubject(subject, subjectLanguageOf(locale));
}

export function forwardSubject(subject: string, locale?: string): string {
  return sharedForwardSubject(subject, subjectLanguageOf(locale));
}

export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
}

function withoutAddresses(list: readonly Address[], exclude: ReadonlySet<string>): Address[] {
  const seen = new Set<string>();
  return list.filter((address) => {
    const key = address.address.toLowerCase();
    if (exclude.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface ReplyInput {
  header: MessageHeader;
  replyTo: readonly Address[];
  references: readonly string[];
  /** The original message as plain text. */
  originalText: string;
  /** e.g. "On 14 Mar 2026, Ada wrote:" in the user's language. */
  quoteHeader: string;
  /** The user's own addresses, never put back into To or Cc of a reply-all. */
  ownAddresses: readonly string[];
  all: boolean;
  /** The composer's language (BCP 47), for the subject prefix. */
  locale?: string;
}

export function buildReplyDraft(input: ReplyInput): ComposeDraft {
  const own = new Set(input.ownAddresses.map((address) => address.toLowerCase()));
  const primary = input.replyTo.length > 0 ? input.replyTo : input.header.from;
  let to = withoutAddresses(primary, new Set());
  let cc: Address[] = [];
  if (input.all) {
    to = withoutAddresses([...primary, ...input.header.to], own);
    if (to.length === 0) to = withoutAddresses(primary, new Set());
    const inTo = new Set(to.map((address) => address.address.toLowerCase()));
    cc = withoutAddresses(input.header.cc, new Set([...own, ...inTo]));
  }
  const messageId = input.header.messageId;
  return {
    mode: input.all ? 'replyAll' : 'reply',
    originalId: input.header.id,
    accountId: input.header.accountId,
    to: addressListText(to),
    cc: addressListText(cc),
    from: '',
    bcc: '',
    replyTo: '',
    subject: replySubject(input.header.subject, input.locale),
    format: 'plain',
    body: `\n\n${input.quoteHeader}\n${quoteText(input.originalText)}\n`,
    inReplyTo: messageId,
    references: messageId ? [...input.references, messageId] : [...input.references],
    attachments: [],
  };
}

export interface ForwardInput {
  header: MessageHeader;
  originalText: string;
  /** The translated block that introduces the forwarded message (header lines included). */
  forwardHeader: string;
  /** The composer's language (BCP 47), for the subject prefix. */
  locale?: string;
}

export function buildForwardDraft(input: ForwardInput): ComposeDraft {
  return {
    mode: 'forward',
    originalId: input.header.id,
    accountId: input.header.accountId,
    to: '',
    cc: '',
    from: '',
    bcc: '',
    replyTo: '',
    subject: forwardSubject(input.header.subject, input.locale),
    format: 'plain',
    body: `\n\n${input.forwardHeader}\n\n${input.originalText.replace(/\r\n?/g, '\n')}\n`,
    inReplyTo: null,
    references: [],
    attachments: [],
  };
}
