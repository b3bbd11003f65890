// drafts.open: a message of a Drafts folder (saved here, or on another device) becomes a local
// draft that replaces it on the server when saved. Our own current version opens from the local
// copy; anything else is fetched and parsed, attachments included.
import { randomUUID } from 'node:crypto';
import type { ComposeDraft } from '../../../shared/compose';
import type { MessageId } from '../../../shared/domain';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import { blobIdOf } from './attachments';
import { contentHash, newMessageId, type DraftStore } from './draft-store';
import { parseDraftMessage } from './draft-parse';
import type { DraftsRepo } from '../store/drafts-repo';
import type { DraftServer } from './drafts-server';
import type { SendingEmit } from './sending-events';

export interface OpenDraftDeps {
  store: Store;
  drafts: DraftsRepo;
  draftStore: DraftStore;
  draftServer: DraftServer;
  isOnline(accountId: string): boolean;
  emit: SendingEmit;
}

export async function openServerDraft(deps: OpenDraftDeps, messageId: MessageId): Promise<ComposeDraft> {
  const { store, drafts } = deps;
  const header = store.messages.get([messageId])[0];
  if (!header) throw notFound('The draft');
  const box = store.mailboxes.get(header.mailboxId);
  if (!box) throw notFound('The folder');
  if (box.role !== 'drafts' && !header.flags.draft)
    throw new ServiceError('invalid-input', 'Only messages in a Drafts folder open as drafts.');
  if (!header.uid) throw new ServiceError('invalid-input', 'The draft is still being moved. Try again in a moment.');
  const local = header.messageId ? drafts.byMessageId(header.accountId, header.messageId) : null;
  if (local?.state === 'outbox') deps.draftStore.editable(local.id); // throws: "in the outbox"
  // Our own current version: the local copy is the same or newer.
  if (local?.state === 'editing' && local.serverPath === box.path && local.serverUid === header.uid) return local.draft;
  if (!deps.isOnline(header.accountId))
    throw new ServiceError('offline', 'Opening a draft saved on another device needs the connection to the server.');

  const { source, uidValidity } = await deps.draftServer.fetchSource(header.accountId, box.path, header.uid);
  const parsed = await parseDraftMessage(source);
  const copy = { path: box.path, uid: header.uid, uidValidity: uidValidity ?? box.sync.uidValidity };
  const id = local?.id ?? randomUUID();
  const content: ComposeDraft = {
    ...parsed.fields,
    draftId: id,
    accountId: header.accountId,
    attachments: parsed.attachments.map((a) => ({
      source: 'stored' as const,
      blobId: blobIdOf(a.content),
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
    })),
  };
  const hash = contentHash(content);
  store.transaction(() => {
    if (local) drafts.adoptServerVersion(id, content, hash, copy);
    else {
      // Without a Message-ID of its own, the next save removes it by UID instead.
      const email = store.accounts.get(header.accountId)?.email ?? '';
      drafts.insert(id, header.accountId, header.messageId ?? newMessageId(email), content, hash);
      drafts.markSynced(id, 1, copy);
    }
    for (const a of parsed.attachments) drafts.putBlob(id, blobIdOf(a.content), a.content, null);
    drafts.pruneBlobs(
      id,
      content.attachments.flatMap((a) => (a.source === 'stored' ? [a.blobId] : [])),
    );
  });
  deps.emit('drafts.changed', { accountId: header.accountId, draftId: id, state: 'saved' });
  return drafts.get(id)!.draft;
}
