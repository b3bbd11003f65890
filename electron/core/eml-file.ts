// An .eml file (one RFC 5322 message, as saved by any mail program) read for its reading
// window: mailparser does the MIME work, as for drafts; nothing is stored. The window shows the
// result through the same sanitizer as any message (renderer/message-view/message-html.ts).
import { simpleParser, type AddressObject, type EmailAddress } from 'mailparser';
import { EML_MAX_BYTES, type EmlMessage } from '../../shared/contract-desktop';
import type { Address } from '../../shared/domain';
import { ServiceError } from './service-error';

function flatten(entries: readonly EmailAddress[]): Address[] {
  return entries.flatMap((e) =>
    e.group ? flatten(e.group) : e.address ? [{ name: e.name ?? '', address: e.address }] : [],
  );
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return flatten(objects.flatMap((o) => o.value));
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return text.match(MESSAGE_ID) ?? [];
}

export async function parseEmlFile(fileName: string, source: Buffer): Promise<EmlMessage> {
  if (source.length > EML_MAX_BYTES) throw new ServiceError('invalid-input', `“${fileName}” is too large to open.`);
  // without a blank line and a header, it is not a message but some other file named .eml
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(source.subarray(0, 1000).toString('latin1').trimStart()))
    throw new ServiceError('invalid-input', `“${fileName}” is not an email message.`);
  const mail = await simpleParser(source, { skipTextLinks: true, skipImageLinks: true });
  const date = mail.date?.getTime();
  return {
    fileName,
    subject: mail.subject ?? '',
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    replyTo: addresses(mail.replyTo),
    date: date !== undefined && Number.isFinite(date) ? date : null,
    messageId: messageIds(mail.messageId)[0] ?? null,
    references: messageIds(mail.references),
    html: typeof mail.html === 'string' ? mail.html : null,
    text: mail.text ?? null,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? 'attachment',
      contentType: a.contentType,
      size: a.size,
      contentId: a.cid ?? null,
      inline: a.contentDisposition === 'inline' && Boolean(a.cid),
      dataBase64: a.content.toString('base64'),
    })),
  };
}
