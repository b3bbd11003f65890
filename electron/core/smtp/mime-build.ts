// Builds the MIME message with nodemailer's MailComposer, once: Message-ID and Date are given,
// so the bytes stored in the outbox are exactly the bytes every attempt sends. A rich body goes
// out as multipart/alternative (the HTML and a plain-text rendering of it).
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';
import type { BodyFormat } from '../../../shared/compose';
import type { Address } from '../../../shared/domain';
import { addressKey } from '../../../shared/address-parse';
import { htmlToPlain } from './html-text';
import type { Envelope } from '../store/outbox-repo';
import { toWire, toWireAddress } from './wire-address';
import { extractInlineImages, type InlineImage } from './inline-images';

export interface MimeAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MessageParts {
  from: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string;
  format: BodyFormat;
  body: string;
  inReplyTo: string | null;
  references: string[];
  attachments: MimeAttachment[];
  messageId: string;
  date: Date;
}

function htmlDocument(fragment: string): string {
  if (/<html[\s>]/i.test(fragment)) return fragment;
  return `<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${fragment}</body></html>\n`;
}

/** A file name safe in a header and on the recipient's disk: no paths, no control characters. */
export function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const UNSAFE = /[\x00-\x1f\x7f/\\]/g;
  const clean = name.replace(UNSAFE, '_').trim().slice(0, 255);
  return clean || 'attachment';
}

/**
 * The message bytes. `keepBcc` writes the Bcc header: only for copies that stay with the user
 * (Drafts); what goes to SMTP never carries it, the envelope alone names Bcc recipients.
 */
export async function buildMime(parts: MessageParts, { keepBcc = false } = {}): Promise<Buffer> {
  const normalized = parts.body.replace(/\r\n?/g, '\n');
  // Pictures pasted into a rich body leave as multipart/related parts the HTML names by cid:.
  const { html: body, images }: { html: string; images: InlineImage[] } =
    parts.format === 'html' ? extractInlineImages(normalized, parts.messageId) : { html: normalized, images: [] };
  const composer = new MailComposer({
    from: toWire([parts.from])[0],
    to: toWire(parts.to),
    cc: toWire(parts.cc),
    bcc: toWire(parts.bcc),
    ...(parts.replyTo.length ? { replyTo: toWire(parts.replyTo) } : {}),
    subject: parts.subject,
    messageId: parts.messageId,
    date: parts.date,
    ...(parts.inReplyTo ? { inReplyTo: parts.inReplyTo } : {}),
    ...(parts.references.length ? { references: parts.references } : {}),
    ...(parts.format === 'html' ? { html: htmlDocument(body), text: htmlToPlain(body) } : { text: body }),
    attachments: [
      ...images.map((image) => ({
        filename: image.filename,
        contentType: image.contentType,
        content: image.content,
        cid: image.cid,
        contentDisposition: 'inline' as const,
      })),
      ...parts.attachments.map((a) => ({
        filename: cleanFilename(a.filename),
        contentType: a.contentType,
        content: a.content,
        contentDisposition: 'attachment' as const,
      })),
    ],
    // Everything is in memory already: nothing may make the composer read a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    xMailer: false,
  });
  const node = composer.compile();
  node.keepBcc = keepBcc;
  return node.build();
}

/**
 * The Bcc header line for the copy filed in Sent, so the user still sees whom they sent it to
 * in secret; "" without Bcc. Encoded and folded by nodemailer like every other header.
 */
export function bccHeaderLine(bcc: readonly Address[]): string {
  if (bcc.length === 0) return '';
  const node = new MimeNode('text/plain', { keepBcc: true });
  node.setHeader('Bcc', toWire(bcc));
  const line = /^Bcc:.*(?:\r\n[ \t].*)*/m.exec(node.buildHeaders())?.[0];
  return line ? `${line}\r\n` : '';
}

/** MAIL FROM and RCPT TO: every To, Cc and Bcc address once. */
export function envelopeOf(from: Address, recipients: readonly Address[]): Envelope {
  const seen = new Set<string>();
  const to: string[] = [];
  for (const r of recipients) {
    const wire = toWireAddress(r.address);
    const key = addressKey(wire);
    if (seen.has(key)) continue;
    seen.add(key);
    to.push(wire);
  }
  return { from: toWireAddress(from.address), to };
}
