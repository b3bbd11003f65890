// Turns a draft's attachments into bytes the engine holds (the draft's blobs), each read once:
// a file when first attached (what the user picked is what is sent, even if the file changes
// later), pasted data when first saved, a forwarded part when first needed. The draft then
// names them by hash ('stored'), so saving every few seconds moves no attachment bytes.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectMimeType } from 'nodemailer/lib/mime-funcs';
import { COMPOSE_LIMITS, type ComposeAttachment, type StoredAttachment } from '../../../shared/compose';
import type { MessageId } from '../../../shared/domain';
import { ServiceError } from '../service-error';
import type { DraftsRepo } from '../store/drafts-repo';
import type { LoadOriginal, OriginalMessage } from './original';

export interface NewBlob {
  blobId: string;
  data: Buffer;
  sourceKey: string | null;
}

export interface GatheredAttachments {
  attachments: ComposeAttachment[];
  /** Bytes the draft does not hold yet: the caller stores them with the draft, in one transaction. */
  newBlobs: NewBlob[];
}

export interface AttachmentSources {
  drafts: DraftsRepo;
  loadOriginal: LoadOriginal;
  /** Whether the UI may attach this local file (see SendingServiceOptions.mayReadFile). */
  mayReadFile(filePath: string): boolean;
}

/** A blob's id: the sha256 of its bytes, so the same bytes are held once per draft. */
export const blobIdOf = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const MB = 1024 * 1024;

function tooLarge(name: string, bytes: number): ServiceError {
  return new ServiceError(
    'invalid-input',
    `“${name}” is ${Math.ceil(bytes / MB)} MB; an attachment can be at most ${COMPOSE_LIMITS.attachmentBytes / MB} MB.`,
  );
}

/** `requireAll`: fail when a forwarded part cannot be read now (sending), instead of keeping the reference (saving). */
export async function gatherAttachments(
  sources: AttachmentSources,
  draftId: string | null,
  list: readonly ComposeAttachment[],
  { requireAll }: { requireAll: boolean },
): Promise<GatheredAttachments> {
  const newBlobs: NewBlob[] = [];
  const originals = new Map<MessageId, Promise<OriginalMessage>>();
  const held = (blobId: string) =>
    newBlobs.some((b) => b.blobId === blobId) || (draftId !== null && sources.drafts.hasBlob(draftId, blobId));
  const known = (sourceKey: string) => (draftId !== null ? sources.drafts.blobBySource(draftId, sourceKey) : null);
  const remember = (data: Buffer, sourceKey: string | null): string => {
    const blobId = blobIdOf(data);
    if (!held(blobId)) newBlobs.push({ blobId, data, sourceKey });
    return blobId;
  };

  const out: ComposeAttachment[] = [];
  for (const a of list) {
    switch (a.source) {
      case 'stored': {
        if (!held(a.blobId))
          throw new ServiceError(
            'invalid-input',
            `The attachment “${a.filename}” is no longer available. Attach it again.`,
          );
        out.push(a);
        break;
      }
      case 'data': {
        const data = Buffer.from(a.dataBase64, 'base64');
        if (data.length > COMPOSE_LIMITS.attachmentBytes) throw tooLarge(a.filename, data.length);
        out.push(stored(remember(data, null), a.filename, a.contentType, data.length));
        break;
      }
      case 'file':
        out.push(await fromFile(sources, a, known, remember));
        break;
      case 'original': {
        const sourceKey = `original:${a.messageId}:${a.part}`;
        const existing = known(sourceKey);
        if (existing) {
          out.push(stored(existing.blobId, a.filename, a.contentType, existing.size));
          break;
        }
        try {
          let original = originals.get(a.messageId);
          if (!original) originals.set(a.messageId, (original = sources.loadOriginal(a.messageId)));
          const data = await (await original).attachments(a.part);
          if (data.length > COMPOSE_LIMITS.attachmentBytes) throw tooLarge(a.filename, data.length);
          out.push(stored(remember(data, sourceKey), a.filename, a.contentType, data.length));
        } catch (error) {
          if (error instanceof ServiceError && error.code === 'invalid-input') throw error;
          // Offline while saving: keep the reference and read it at the next save or at sending.
          if (!requireAll) out.push(a);
          else
            throw new ServiceError(
              error instanceof ServiceError ? error.code : 'offline',
              `The forwarded attachment “${a.filename}” could not be read: ${(error as Error).message}`,
            );
        }
        break;
      }
    }
  }
  return { attachments: out, newBlobs };
}

function stored(blobId: string, filename: string, contentType: string, size: number): StoredAttachment {
  return { source: 'stored', blobId, filename, contentType, size };
}

async function fromFile(
  sources: AttachmentSources,
  a: Extract<ComposeAttachment, { source: 'file' }>,
  known: (sourceKey: string) => { blobId: string; size: number } | null,
  remember: (data: Buffer, sourceKey: string | null) => string,
): Promise<StoredAttachment> {
  const filename = a.filename ?? path.basename(a.path);
  if (!path.isAbsolute(a.path))
    throw new ServiceError('invalid-input', `Cannot attach “${filename}”: not a full path.`);
  if (!sources.mayReadFile(a.path))
    throw new ServiceError('invalid-input', `Cannot attach “${filename}”: choose it with the file dialog or drop it.`);
  const contentType = a.contentType ?? detectMimeType(filename);
  let info;
  try {
    info = await stat(a.path);
  } catch (error) {
    throw new ServiceError(
      'invalid-input',
      `Cannot attach “${filename}”: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
  if (!info.isFile()) throw new ServiceError('invalid-input', `Cannot attach “${filename}”: it is not a file.`);
  if (info.size > COMPOSE_LIMITS.attachmentBytes) throw tooLarge(filename, info.size);
  // Same path, size and modification time as last time: the bytes are already held.
  const sourceKey = `file:${a.path}:${info.size}:${info.mtimeMs}`;
  const existing = known(sourceKey);
  if (existing) return stored(existing.blobId, filename, contentType, existing.size);
  const data = await readFile(a.path);
  if (data.length > COMPOSE_LIMITS.attachmentBytes) throw tooLarge(filename, data.length);
  return stored(remember(data, sourceKey), filename, contentType, data.length);
}
