// Opening a message of a POP3 account: everything is here already (the download kept the whole
// message), so the body and attachments are parsed from the stored source, never fetched. The
// parsed body is cached like IMAP's, so the search indexer finds its text and the next open is
// a row read. A message whose header is in but whose source is still on its way says so.
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import type { AttachmentData, AttachmentInfo, MessageBody, MessageId } from '../../../shared/domain';
import { refuseOversizedAttachment } from '../attachment-size';
import { MAX_SHOWN_SOURCE_BYTES, sourceText } from '../message-source';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';

export class Pop3Reader {
  constructor(
    private readonly store: Store,
    /** A body was cached: the search indexer has text to add. */
    private readonly bodyCached: () => void,
  ) {}

  /** Whether the message belongs to a POP3 account (its source is, or will be, stored here). */
  owns(id: MessageId): boolean {
    const [header] = this.store.messages.get([id]);
    return header !== undefined && this.store.pop3.isPop3(header.accountId);
  }

  async body(id: MessageId): Promise<MessageBody> {
    const cached = this.store.bodies.get(id);
    if (cached) return cached;
    const parsed = await this.parse(id);
    const references = parsed.references;
    const body: MessageBody = {
      messageId: id,
      html: typeof parsed.html === 'string' ? parsed.html : null,
      text: parsed.text ?? null,
      attachments: parsed.attachments.map(toInfo),
      bcc: addresses(parsed.bcc),
      replyTo: addresses(parsed.replyTo),
      inReplyTo: parsed.inReplyTo ?? null,
      references: typeof references === 'string' ? [references] : (references ?? []),
    };
    this.store.bodies.put(body);
    this.bodyCached();
    return this.store.bodies.get(id) ?? body;
  }

  async attachment(id: MessageId, part: string): Promise<AttachmentData> {
    const parsed = await this.parse(id);
    const index = Number(part) - 1;
    const found = Number.isInteger(index) ? parsed.attachments[index] : undefined;
    if (!found) throw notFound('The attachment');
    const info = toInfo(found, index);
    refuseOversizedAttachment(info.filename, found.content.length);
    return { filename: info.filename, contentType: info.contentType, dataBase64: found.content.toString('base64') };
  }

  async source(id: MessageId): Promise<{ source: string; truncated: boolean }> {
    const raw = this.raw(id);
    const truncated = raw.length > MAX_SHOWN_SOURCE_BYTES;
    return { source: sourceText(raw.subarray(0, MAX_SHOWN_SOURCE_BYTES)), truncated };
  }

  private raw(id: MessageId): Buffer {
    const raw = this.store.pop3.raw(id);
    if (raw) return raw;
    if (this.store.messages.get([id]).length === 0) throw notFound('The message');
    throw new ServiceError('offline', 'This message is still being downloaded; it opens as soon as it is here.');
  }

  private parse(id: MessageId) {
    return simpleParser(this.raw(id), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  }
}

/** Attachments are numbered in the order the parser meets them: "1", "2", ... */
function toInfo(a: Attachment, index: number): AttachmentInfo {
  return {
    part: String(index + 1),
    filename: a.filename ?? `attachment-${index + 1}`,
    contentType: a.contentType,
    size: a.size,
    contentId: a.contentId ?? null,
    inline: a.contentDisposition === 'inline' && !!a.contentId,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): { name: string; address: string }[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((o) => o.value.map((a) => ({ name: a.name ?? '', address: a.address ?? '' })));
}
