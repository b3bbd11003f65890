// Local draft saving: cheap and idempotent, since the composer saves every few seconds. The
// attachments are turned into held bytes first (async), then the row and its blobs are written
// in one transaction, and only when the content differs from what is stored.
import { createHash, randomUUID } from 'node:crypto';
import type { ComposeDraft } from '../../../shared/compose';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import { gatherAttachments, type AttachmentSources } from './attachments';
import type { DraftRecord, DraftsRepo } from '../store/drafts-repo';
import { messageIdDomain } from './wire-address';

/** The draft's fields in a fixed order, so equal content always hashes the same. */
function canonical(draft: ComposeDraft): ComposeDraft {
  return {
    draftId: draft.draftId,
    accountId: draft.accountId,
    from: draft.from,
    mode: draft.mode,
    originalId: draft.originalId,
    to: draft.to,
    cc: draft.cc,
    bcc: draft.bcc,
    replyTo: draft.replyTo,
    subject: draft.subject,
    format: draft.format,
    body: draft.body,
    inReplyTo: draft.inReplyTo,
    references: draft.references,
    attachments: draft.attachments,
  };
}

export function contentHash(draft: ComposeDraft): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...canonical(draft), draftId: null }))
    .digest('hex');
}

export function newMessageId(email: string): string {
  return `<${randomUUID()}@${messageIdDomain(email)}>`;
}

export interface SavedDraft {
  record: DraftRecord;
  /** False when the content equalled what was stored: nothing was written. */
  changed: boolean;
  /** The account the draft was moved away from (From changed): its server copy awaits deletion there. */
  movedFrom: string | null;
}

export class DraftStore {
  constructor(
    private readonly store: Store,
    private readonly drafts: DraftsRepo,
    private readonly sources: AttachmentSources,
  ) {}

  /** The draft a method names, editable; with the error the UI shows otherwise. */
  editable(draftId: string): DraftRecord {
    const record = this.drafts.get(draftId);
    if (!record || record.state === 'discarded')
      throw new ServiceError('not-found', 'This draft was sent or discarded.');
    if (record.state === 'outbox')
      throw new ServiceError(
        'invalid-input',
        'This message is in the outbox. Take it back from the outbox to edit it.',
      );
    return record;
  }

  /**
   * Saves `draft` as the current content of its draft (a new one when draftId is null).
   * `requireAll`: every attachment must be readable now (for sending).
   */
  async save(draft: ComposeDraft, { requireAll = false } = {}): Promise<SavedDraft> {
    const account = this.store.accounts.get(draft.accountId);
    if (!account) throw notFound('The account');
    const existing = draft.draftId !== null ? this.editable(draft.draftId) : null;
    const id = existing?.id ?? randomUUID();
    const gathered = await gatherAttachments(this.sources, existing?.id ?? null, draft.attachments, { requireAll });
    const content = canonical({ ...draft, draftId: id, attachments: gathered.attachments });
    const hash = contentHash(content);
    // The awaits above gave a send or a discard the chance to run: decide on the row as it is now.
    return this.store.transaction(() => {
      const current = existing ? this.editable(id) : null;
      let changed = true;
      let movedFrom: string | null = null;
      if (!current) this.drafts.insert(id, account.id, newMessageId(account.email), content, hash);
      else if (current.contentHash !== hash) {
        if (current.accountId !== account.id) {
          movedFrom = current.accountId;
          this.drafts.moveToAccount(id, account.id, newMessageId(account.email), randomUUID());
        }
        this.drafts.updateContent(id, content, hash);
      } else changed = false;
      for (const blob of gathered.newBlobs) this.drafts.putBlob(id, blob.blobId, blob.data, blob.sourceKey);
      if (changed)
        this.drafts.pruneBlobs(
          id,
          content.attachments.flatMap((a) => (a.source === 'stored' ? [a.blobId] : [])),
        );
      return { record: this.drafts.get(id)!, changed, movedFrom };
    });
  }
}
