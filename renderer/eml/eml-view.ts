// What the .eml reading window shows and answers with, pure: the body through the same
// sanitizer as any message (message-html.ts; remote content stays blocked, inline images come
// from the file itself), and the reply or forward drafts, built as for a cached message but
// with no original in the cache to mark answered.
import type { EmlMessage } from '../../shared/contract-desktop';
import type { AccountId, MessageHeader } from '../../shared/domain';
import { buildForwardDraft, buildReplyDraft, type ComposeDraft } from '../composer/compose-draft';
import { htmlToQuotableText } from '../composer/quotable-text';
import {
  inlineImageDataUrl,
  normalizeContentId,
  renderHtmlBody,
  renderPlainTextBody,
  type RenderedBody,
} from '../message-view/message-html';

export function renderEmlBody(message: EmlMessage): RenderedBody {
  if (message.html === null) return renderPlainTextBody(message.text ?? '');
  const inlineImages = new Map<string, string>();
  for (const part of message.attachments) {
    const url = part.contentId ? inlineImageDataUrl(part.contentType, part.dataBase64) : null;
    if (part.contentId && url) inlineImages.set(normalizeContentId(part.contentId), url);
  }
  return renderHtmlBody(message.html, { allowRemote: false, inlineImages });
}

/** The file's message as a list header, for the draft builders (it has no id in the cache). */
function asHeader(message: EmlMessage, accountId: AccountId | null): MessageHeader {
  return {
    id: 0,
    mailboxId: 0,
    accountId: accountId ?? '',
    uid: 0,
    messageId: message.messageId,
    subject: message.subject,
    from: message.from,
    to: message.to,
    cc: message.cc,
    date: message.date ?? 0,
    size: 0,
    flags: { seen: true, flagged: false, answered: false, draft: false },
    hasAttachments: message.attachments.some((part) => !part.inline),
    snippet: null,
    threadKey: '',
  };
}

function quotable(message: EmlMessage): string {
  return message.text ?? htmlToQuotableText(message.html ?? '');
}

/** Not a reply to a message in the cache: sent as a new message, threaded by its headers. */
function detached(draft: ComposeDraft, accountId: AccountId | null): ComposeDraft {
  return { ...draft, mode: 'new', originalId: null, accountId };
}

export interface EmlReplyInput {
  message: EmlMessage;
  accountId: AccountId | null;
  all: boolean;
  quoteHeader: string;
  ownAddresses: readonly string[];
  locale?: string;
}

export function emlReplyDraft(input: EmlReplyInput): ComposeDraft {
  const draft = buildReplyDraft({
    header: asHeader(input.message, input.accountId),
    replyTo: input.message.replyTo,
    references: input.message.references,
    originalText: quotable(input.message),
    quoteHeader: input.quoteHeader,
    ownAddresses: input.ownAddresses,
    all: input.all,
    locale: input.locale,
  });
  return detached(draft, input.accountId);
}

export function emlForwardDraft(input: {
  message: EmlMessage;
  accountId: AccountId | null;
  forwardHeader: string;
  locale?: string;
}): ComposeDraft {
  const draft = buildForwardDraft({
    header: asHeader(input.message, input.accountId),
    originalText: quotable(input.message),
    forwardHeader: input.forwardHeader,
    locale: input.locale,
  });
  // the file's own attachments go along, as a forward of a cached message carries them
  const attachments = input.message.attachments
    .filter((part) => !part.inline)
    .map((part) => ({
      source: 'data' as const,
      filename: part.filename.slice(0, 255),
      contentType: part.contentType,
      dataBase64: part.dataBase64,
    }));
  return { ...detached(draft, input.accountId), attachments };
}
