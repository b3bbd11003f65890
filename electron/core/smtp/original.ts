// The message a reply or forward is made from, as the service provides it (from its cache, or
// fetched): the sending code never reaches into the service's internals for it.
import type { MessageBody, MessageHeader, MessageId } from '../../../shared/domain';

export interface OriginalMessage {
  header: MessageHeader;
  body: MessageBody;
  /** The bytes of one attachment, by its IMAP part number (AttachmentInfo.part). */
  attachments(part: string): Promise<Buffer>;
}

export type LoadOriginal = (messageId: MessageId) => Promise<OriginalMessage>;
