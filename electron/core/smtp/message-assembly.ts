// A saved draft as the parts of a MIME message: From from the account, the parsed recipients,
// the attachment bytes the draft holds (or, for a forwarded part not held yet, read now).
import { COMPOSE_LIMITS, type ComposeDraft } from '../../../shared/compose';
import type { Account, Address, MessageId } from '../../../shared/domain';
import { ServiceError } from '../service-error';
import { draftRecipients, invalidRecipientsMessage } from './draft-recipients';
import type { DraftsRepo } from '../store/drafts-repo';
import type { MessageParts, MimeAttachment } from './mime-build';
import type { Identity } from '../../../shared/contract-identities';
import { fromAddress } from './identity-choice';
import type { LoadOriginal, OriginalMessage } from './original';

export interface AssemblyDeps {
  drafts: DraftsRepo;
  loadOriginal: LoadOriginal;
}

export interface Recipients {
  to: Address[];
  cc: Address[];
  bcc: Address[];
  /** Not an envelope recipient: where the recipients' replies should go. */
  replyTo: Address[];
}

/**
 * The recipients to send to. Refuses, naming them, entries that are not addresses; and a
 * message to nobody or to more recipients than servers accept.
 */
export function sendableRecipients(draft: Pick<ComposeDraft, 'to' | 'cc' | 'bcc' | 'replyTo'>): Recipients {
  const parsed = draftRecipients(draft);
  if (parsed.invalid.length) throw new ServiceError('invalid-input', invalidRecipientsMessage(parsed.invalid));
  const count = parsed.to.length + parsed.cc.length + parsed.bcc.length;
  if (count === 0) throw new ServiceError('invalid-input', 'Add at least one recipient.');
  if (count > COMPOSE_LIMITS.recipients)
    throw new ServiceError('invalid-input', `A message can go to at most ${COMPOSE_LIMITS.recipients} recipients.`);
  return parsed;
}

/** A draft's recipients as far as they are addresses; what is not stays in the draft as typed. */
export function draftCopyRecipients(draft: Pick<ComposeDraft, 'to' | 'cc' | 'bcc' | 'replyTo'>): Recipients {
  const { to, cc, bcc, replyTo } = draftRecipients(draft);
  return { to, cc, bcc, replyTo };
}

export async function attachmentBytes(
  deps: AssemblyDeps,
  draftId: string,
  draft: ComposeDraft,
): Promise<MimeAttachment[]> {
  const originals = new Map<MessageId, Promise<OriginalMessage>>();
  const out: MimeAttachment[] = [];
  for (const a of draft.attachments) {
    if (a.source === 'stored') {
      const content = deps.drafts.blob(draftId, a.blobId);
      if (!content) throw new ServiceError('invalid-input', `The attachment “${a.filename}” is no longer available.`);
      out.push({ filename: a.filename, contentType: a.contentType, content });
    } else if (a.source === 'original') {
      let original = originals.get(a.messageId);
      if (!original) originals.set(a.messageId, (original = deps.loadOriginal(a.messageId)));
      out.push({
        filename: a.filename,
        contentType: a.contentType,
        content: await (await original).attachments(a.part),
      });
    } else {
      // Saving turns files and pasted data into stored bytes; a saved draft holds no other kind.
      throw new ServiceError('internal', `The attachment “${a.filename}” was not saved with the draft.`);
    }
  }
  return out;
}

export async function assembleParts(
  deps: AssemblyDeps,
  account: Account,
  draftId: string,
  draft: ComposeDraft,
  recipients: Recipients,
  ids: { messageId: string; date: Date },
  identities: readonly Identity[] = [],
): Promise<MessageParts> {
  return {
    from: fromAddress(account, identities, draft.from ?? ''),
    ...recipients,
    subject: draft.subject,
    format: draft.format,
    body: draft.body,
    inReplyTo: draft.inReplyTo,
    references: draft.references,
    attachments: await attachmentBytes(deps, draftId, draft),
    messageId: ids.messageId,
    date: ids.date,
  };
}
