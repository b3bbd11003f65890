// Which files may join a draft, decided before a byte is read: each file within the engine's
// per-attachment limit, the count within its limit, and all of them together small enough that
// the message (base64 and all) stays under the engine's message limit. Pure: unit-tested.
import { COMPOSE_LIMITS, type ComposeAttachment } from '../../shared/compose';

export interface CandidateFile {
  name: string;
  size: number;
}

export type AttachmentProblem =
  | { kind: 'tooLarge'; name: string; size: number }
  | { kind: 'totalTooLarge'; name: string }
  | { kind: 'tooMany'; name: string };

/** Room the body and headers may need inside the message limit. */
const BODY_ROOM = 2 * 1024 * 1024;
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** Decoded bytes of an attachment, as far as the UI can know them without reading anything. */
export function attachmentSize(attachment: ComposeAttachment): number {
  switch (attachment.source) {
    case 'data': {
      const padding = attachment.dataBase64.endsWith('==') ? 2 : attachment.dataBase64.endsWith('=') ? 1 : 0;
      return (attachment.dataBase64.length / 4) * 3 - padding;
    }
    case 'file':
      return 0;
    default:
      return attachment.size;
  }
}

/**
 * The files (by index into `files`) that can be added to `current`, in order, and a problem for
 * each one that cannot. A file that does not fit is skipped; later, smaller ones may still fit.
 */
export function admitAttachments(
  current: readonly ComposeAttachment[],
  files: readonly CandidateFile[],
): { accepted: number[]; problems: AttachmentProblem[] } {
  let count = current.length;
  let encoded = current.reduce((sum, a) => sum + base64Length(attachmentSize(a)), 0);
  const accepted: number[] = [];
  const problems: AttachmentProblem[] = [];
  files.forEach((file, index) => {
    if (file.size > COMPOSE_LIMITS.attachmentBytes) {
      problems.push({ kind: 'tooLarge', name: file.name, size: file.size });
      return;
    }
    if (count + 1 > COMPOSE_LIMITS.attachments) {
      problems.push({ kind: 'tooMany', name: file.name });
      return;
    }
    if (encoded + base64Length(file.size) > COMPOSE_LIMITS.messageBytes - BODY_ROOM) {
      problems.push({ kind: 'totalTooLarge', name: file.name });
      return;
    }
    count += 1;
    encoded += base64Length(file.size);
    accepted.push(index);
  });
  return { accepted, problems };
}

/** The per-file limit in whole megabytes, for the error message. */
export const ATTACHMENT_LIMIT_MB = COMPOSE_LIMITS.attachmentBytes / (1024 * 1024);
/** What all attachments together may come to, in whole megabytes (decoded). */
export const TOTAL_LIMIT_MB = Math.floor((((COMPOSE_LIMITS.messageBytes - BODY_ROOM) / 4) * 3) / (1024 * 1024));
