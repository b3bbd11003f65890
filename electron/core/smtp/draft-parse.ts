// A draft message from the server (saved by us or by another device) read back into what the
// composer edits. mailparser does the MIME work; attachments come back with their bytes.
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import { formatAddressList } from '../../../shared/address-parse';
import { COMPOSE_LIMITS, contentTypeSchema, messageIdHeaderSchema, type ComposeDraft } from '../../../shared/compose';
import type { Address } from '../../../shared/domain';
import type { MimeAttachment } from './mime-build';
import { embedInlineImages } from './inline-images';

export interface ParsedDraft {
  /** Every field of the draft but its identity (draftId, accountId) and attachments. */
  fields: Omit<ComposeDraft, 'draftId' | 'accountId' | 'attachments'>;
  messageId: string | null;
  attachments: MimeAttachment[];
}

function flatten(entries: readonly EmailAddress[]): Address[] {
  return entries.flatMap((e) =>
    e.group ? flatten(e.group) : e.address ? [{ name: e.name ?? '', address: e.address }] : [],
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): string {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return formatAddressList(flatten(objects.flatMap((o) => o.value)));
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return (text.match(MESSAGE_ID) ?? []).filter((id) => messageIdHeaderSchema.safeParse(id).success);
}

/** What is between <body> and </body>: the editor gets the content, not a whole document. */
function bodyContent(html: string): string {
  return /<body\b[^>]*>([\s\S]*?)<\/body\s*>/i.exec(html)?.[1] ?? html;
}

export async function parseDraftMessage(source: Buffer): Promise<ParsedDraft> {
  const mail = await simpleParser(source, {
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    // the cid: references stay so embedInlineImages knows which parts are the body's pictures
    keepCidLinks: true,
  });
  const rawHtml = typeof mail.html === 'string' && mail.html.trim() !== '' ? bodyContent(mail.html) : null;
  // The pictures of the body go back into it; only the other parts remain attachments.
  const embedded = rawHtml !== null ? embedInlineImages(rawHtml, mail.attachments) : null;
  const html = embedded?.html ?? null;
  const attachments = embedded?.rest ?? mail.attachments;
  const inReplyTo = messageIds(mail.inReplyTo)[0] ?? null;
  const references = messageIds(mail.references).slice(-COMPOSE_LIMITS.references);
  return {
    fields: {
      mode: inReplyTo ? 'reply' : 'new',
      originalId: null,
      to: addresses(mail.to),
      cc: addresses(mail.cc),
      // An identity's address when the draft was written from one (anything else means the account's).
      from: mail.from?.value[0]?.address ?? '',
      bcc: addresses(mail.bcc),
      replyTo: addresses(mail.replyTo),
      subject: (mail.subject ?? '').slice(0, COMPOSE_LIMITS.subjectChars),
      format: html !== null ? 'html' : 'plain',
      body: (html ?? mail.text ?? '').replace(/\r\n?/g, '\n').slice(0, COMPOSE_LIMITS.bodyChars),
      inReplyTo,
      references,
    },
    messageId: messageIds(mail.messageId)[0] ?? null,
    attachments: attachments.slice(0, COMPOSE_LIMITS.attachments).map((a) => ({
      filename: (a.filename || 'attachment').slice(0, COMPOSE_LIMITS.filenameChars),
      contentType: contentTypeSchema.safeParse(a.contentType).success ? a.contentType : 'application/octet-stream',
      content: a.content,
    })),
  };
}
