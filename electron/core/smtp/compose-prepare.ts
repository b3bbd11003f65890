// compose.prepare: a draft ready to edit. New: empty, with the account's signature. Reply and
// reply-all: recipients worked out (Reply-To honoured, the user left out, nobody twice), one
// "Re:", In-Reply-To and References set, the original quoted under an attribution line. Forward:
// one "Fwd:", the original's headers and text inline, its attachments kept.
import { IdentitiesRepo } from '../store/identities-repo';
import { replyIdentity, signaturePlacementOf } from './identity-choice';
import { formatAddressList } from '../../../shared/address-parse';
import {
  COMPOSE_LIMITS,
  contentTypeSchema,
  messageIdHeaderSchema,
  type ComposeAttachment,
  type ComposeDraft,
  type ComposePrepareInput,
} from '../../../shared/compose';
import type { Account, MessageBody, MessageHeader } from '../../../shared/domain';
import { forwardSubject, replySubject, subjectLanguageOf } from '../../../shared/subject';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import { escapeHtml, htmlToPlain, plainToHtml } from './html-text';
import type { LoadOriginal } from './original';
import { attributionLine, forwardedHeaderLines, quoteHtml, quotePlain, type QuoteLocale } from './quote';
import { replyRecipients } from './recipients';
import { htmlSignature, signatureText, textSignature } from './signature';
import type { SignaturePlacement } from '../../../shared/signature';

export interface PrepareDeps {
  store: Store;
  loadOriginal: LoadOriginal;
  log?: (level: 'warn', message: string) => void;
}

interface Original {
  header: MessageHeader;
  body: MessageBody | null;
}

/** The original, or only its cached header when the body cannot be had (offline, not cached). */
async function loadForReply(deps: PrepareDeps, messageId: number): Promise<Original> {
  try {
    const { header, body } = await deps.loadOriginal(messageId);
    return { header, body };
  } catch (error) {
    const header = deps.store.messages.get([messageId])[0];
    if (!header) throw error instanceof ServiceError ? error : notFound('The message');
    // Better a reply without the quote than no reply at all.
    deps.log?.('warn', `replying without the original's body: ${(error as Error).message}`);
    return { header, body: null };
  }
}

function pickAccount(store: Store, wanted: string | undefined, fallback: string | undefined): Account {
  const account =
    (wanted && store.accounts.get(wanted)) || (fallback && store.accounts.get(fallback)) || store.accounts.list()[0];
  if (wanted && account?.id !== wanted) throw notFound('The account');
  if (!account) throw new ServiceError('invalid-input', 'Add an account before writing a message.');
  return account;
}

const validMessageId = (id: string | null | undefined): id is string =>
  !!id && messageIdHeaderSchema.safeParse(id).success;

/** References for a reply: the original's, then the original itself; the oldest kept when there are too many. */
function referencesFor(header: MessageHeader, body: MessageBody | null): string[] {
  const chain = [...(body?.references ?? []), ...(header.messageId ? [header.messageId] : [])].filter(validMessageId);
  const unique = [...new Set(chain)];
  const max = COMPOSE_LIMITS.references;
  // RFC 5322 3.6.4: keep the first (the thread's root) and the most recent ones.
  return unique.length <= max ? unique : [unique[0]!, ...unique.slice(unique.length - (max - 1))];
}

function originalText(original: Original): string {
  const { body, header } = original;
  if (body?.text) return body.text;
  if (body?.html) return htmlToPlain(body.html);
  return header.snippet ?? '';
}

function forwardedAttachments(original: Original): ComposeAttachment[] {
  return (original.body?.attachments ?? [])
    .filter((a) => !a.inline)
    .map((a) => ({
      source: 'original' as const,
      messageId: original.header.id,
      part: a.part,
      filename: (a.filename || 'attachment').slice(0, COMPOSE_LIMITS.filenameChars),
      contentType: contentTypeSchema.safeParse(a.contentType).success ? a.contentType : 'application/octet-stream',
      size: Math.max(0, Math.round(a.size)),
    }));
}

interface Layout {
  format: 'plain' | 'html';
  signature: string | null;
  /** Above the original (the default, as before this was a choice) or below it. */
  placement: SignaturePlacement;
  /** Lines above the original (the attribution, or the forwarded headers). */
  intro: string[];
  /** The original as text; null for a new message. */
  original: string | null;
  /** Quote the original (reply) or show it as it is (forward). */
  quote: boolean;
}

/** The body: room to write at the top, the signature, then the original (or the other way round). */
export function layoutBody({ format, signature, placement, intro, original, quote }: Layout): string {
  const room = format === 'html' ? '<p><br></p>' : '\n\n';
  const sig = signature ? (format === 'html' ? htmlSignature(signature) : `${textSignature(signature)}\n`) : '';
  if (original === null) return room + sig;
  const limit = COMPOSE_LIMITS.bodyChars / 2;
  const text = original.length > limit ? `${original.slice(0, limit)}\n[…]` : original;
  const below = placement === 'below';
  if (format === 'html') {
    const introHtml = `<p>${intro.map(escapeHtml).join('<br>\n')}</p>`;
    const originalHtml = `${introHtml}${quote ? quoteHtml(text) : `<div>${plainToHtml(text)}</div>`}`;
    return below ? `${room}${originalHtml}${sig}` : `${room}${sig}${originalHtml}`;
  }
  const originalPart = `${intro.join('\n')}\n${quote ? quotePlain(text) : `\n${text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}`}\n`;
  if (below) return `${room}${originalPart}${sig ? `\n${sig}` : ''}`;
  return `${room}${sig}${sig ? '\n' : ''}${originalPart}`;
}

export async function prepareDraft(deps: PrepareDeps, input: ComposePrepareInput): Promise<ComposeDraft> {
  const format = input.format ?? 'plain';
  const where: QuoteLocale = { locale: input.locale, timeZone: input.timeZone };
  const language = input.subjectLanguage ? subjectLanguageOf(input.subjectLanguage) : 'en';
  const blank = {
    from: '',
    bcc: '',
    replyTo: '',
    inReplyTo: null,
    references: [] as string[],
    attachments: [] as ComposeAttachment[],
  };

  if (input.mode === 'new' || input.messageId === undefined) {
    const account = pickAccount(deps.store, input.accountId, undefined);
    const signature = signatureText(account.signature);
    return {
      ...blank,
      draftId: null,
      accountId: account.id,
      mode: 'new',
      originalId: null,
      to: '',
      cc: '',
      subject: '',
      format,
      body: layoutBody({ format, signature, placement: 'above', intro: [], original: null, quote: false }),
    };
  }

  const original = await loadForReply(deps, input.messageId);
  const { header, body } = original;
  const account = pickAccount(deps.store, input.accountId, header.accountId);
  // A reply goes from the address the original was sent to, with that identity's signature.
  const identity =
    input.mode === 'forward'
      ? null
      : replyIdentity(account, new IdentitiesRepo(deps.store.db).list(account.id), header);
  const signature = signatureText(identity?.signature || account.signature);
  const subjectOf = (s: string) => s.slice(0, COMPOSE_LIMITS.subjectChars);

  if (input.mode === 'forward') {
    return {
      ...blank,
      draftId: null,
      accountId: account.id,
      mode: 'forward',
      originalId: header.id,
      to: '',
      cc: '',
      subject: subjectOf(forwardSubject(header.subject, language)),
      format,
      body: layoutBody({
        format,
        signature,
        placement: signaturePlacementOf(account, null),
        intro: forwardedHeaderLines(header, where),
        original: originalText(original),
        quote: false,
      }),
      attachments: forwardedAttachments(original),
    };
  }

  const own = deps.store.accounts.list().map((a) => a.email);
  const recipients = replyRecipients({ ...header, replyTo: body?.replyTo ?? [] }, own, input.mode === 'replyAll');
  return {
    ...blank,
    from: identity?.email ?? '',
    draftId: null,
    accountId: account.id,
    mode: input.mode,
    originalId: header.id,
    to: formatAddressList(recipients.to),
    cc: formatAddressList(recipients.cc),
    subject: subjectOf(replySubject(header.subject, language)),
    format,
    body: layoutBody({
      format,
      signature,
      placement: signaturePlacementOf(account, identity),
      intro: [attributionLine(header.from[0], header.date, where)],
      original: originalText(original),
      quote: true,
    }),
    inReplyTo: validMessageId(header.messageId) ? header.messageId : null,
    references: referencesFor(header, body),
  };
}
