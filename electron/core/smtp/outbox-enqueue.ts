// outbox.send and outbox.cancel. Sending builds the message once (Message-ID and Date fixed)
// and writes it, bytes and envelope, to the outbox in one transaction with its draft's state:
// nothing touches the network before that commit. Cancelling takes a message back as long as
// the SMTP transaction has not begun, and returns its draft for the composer to reopen.
import { COMPOSE_LIMITS, type ComposeDraft } from '../../../shared/compose';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import type { AttachmentSources } from './attachments';
import { newMessageId, type DraftStore } from './draft-store';
import { parseDraftMessage } from './draft-parse';
import type { DraftsRepo } from '../store/drafts-repo';
import { assembleParts, sendableRecipients } from './message-assembly';
import { bccHeaderLine, buildMime, envelopeOf } from './mime-build';
import type { OutboxRepo } from '../store/outbox-repo';
import { IdentitiesRepo } from '../store/identities-repo';
import type { OutboxWorker } from './outbox-worker';

export interface EnqueueDeps {
  store: Store;
  outbox: OutboxRepo;
  drafts: DraftsRepo;
  draftStore: DraftStore;
  sources: AttachmentSources;
  worker: OutboxWorker;
  now(): number;
}

const MB = 2 ** 20;

/** When a message goes: after the undo delay, or at the moment the user chose (send later). */
export type SendTime = { undoSeconds: number; sendAt?: undefined } | { undoSeconds?: undefined; sendAt: number };

export async function enqueueMessage(
  deps: EnqueueDeps,
  draft: ComposeDraft,
  when: SendTime,
): Promise<{ outboxId: number; sendAt: number }> {
  // Refused before anything is saved: an invalid send changes nothing.
  const recipients = sendableRecipients(draft);
  const { record } = await deps.draftStore.save(draft, { requireAll: true });
  const account = deps.store.accounts.get(record.accountId);
  if (!account) throw notFound('The account');
  const messageId = newMessageId(account.email);
  const now = deps.now();
  // A scheduled message is dated when it is meant to go, as the recipient will see it arrive;
  // a time already past (the composer stayed open) means now.
  const scheduledFor = when.sendAt === undefined ? null : Math.max(now, when.sendAt);
  const date = new Date(scheduledFor ?? now);
  const identities = new IdentitiesRepo(deps.store.db).list(account.id);
  const parts = await assembleParts(
    deps.sources,
    account,
    record.id,
    record.draft,
    recipients,
    { messageId, date },
    identities,
  );
  const raw = await buildMime(parts);
  if (raw.length > COMPOSE_LIMITS.messageBytes)
    throw new ServiceError(
      'invalid-input',
      `The message is ${Math.ceil(raw.length / MB)} MB; at most ${COMPOSE_LIMITS.messageBytes / MB} MB can be sent.`,
    );
  const item = deps.store.transaction(() => {
    // The awaits above gave another save the chance to run: send only what was built.
    const current = deps.draftStore.editable(record.id);
    if (current.contentHash !== record.contentHash)
      throw new ServiceError('invalid-input', 'The draft changed while it was being sent. Send it again.');
    deps.drafts.setState(record.id, 'outbox');
    return deps.outbox.insert({
      accountId: account.id,
      messageId,
      raw,
      envelope: envelopeOf(parts.from, [...recipients.to, ...recipients.cc, ...recipients.bcc]),
      sendAfter: scheduledFor ?? date.getTime() + (when.undoSeconds ?? 0) * 1000,
      scheduledFor,
      draftId: record.id,
      subject: record.draft.subject,
      sentHeaders: bccHeaderLine(recipients.bcc),
    });
  });
  deps.worker.emitItem(item);
  if (scheduledFor === null && when.undoSeconds === 0) deps.worker.kick(account.id);
  else deps.worker.schedule();
  return { outboxId: item.id, sendAt: item.sendAfter };
}

export async function takeBack(deps: EnqueueDeps, outboxId: number): Promise<ComposeDraft> {
  const taken = deps.outbox.takeBack(outboxId);
  if (!taken) {
    if (!deps.outbox.get(outboxId)) throw notFound('The message');
    throw new ServiceError('invalid-input', 'The message is already on its way and can no longer be taken back.');
  }
  deps.worker.emitItem(taken, 'cancelled');
  deps.worker.schedule();
  const draft = taken.draftId ? deps.drafts.get(taken.draftId) : null;
  if (draft) {
    deps.drafts.setState(draft.id, 'editing');
    return deps.drafts.get(draft.id)!.draft;
  }
  // No draft row (it cannot normally happen): rebuild the draft from the message itself.
  const parsed = await parseDraftMessage(taken.raw);
  const { record } = await deps.draftStore.save({
    ...parsed.fields,
    draftId: null,
    accountId: taken.accountId,
    attachments: parsed.attachments.map((a) => ({
      source: 'data' as const,
      filename: a.filename,
      contentType: a.contentType,
      dataBase64: a.content.toString('base64'),
    })),
  });
  return record.draft;
}
