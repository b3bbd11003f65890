// The server copy of a draft, in the account's Drafts folder, so other devices see it. A new
// version is APPENDed (\Draft \Seen) before the old one is removed, so a crash in between leaves
// two versions, never none; every version carries the draft's Message-ID, so the next save finds
// and removes any leftover. A UID is only trusted together with its UIDVALIDITY.
import { IdentitiesRepo } from '../store/identities-repo';
import type { ImapFlow } from 'imapflow';
import type { AccountId } from '../../../shared/domain';
import { ServiceError } from '../service-error';
import type { Store } from '../store/store';
import type { DraftsRepo, ServerCopy } from '../store/drafts-repo';
import { assembleParts, draftCopyRecipients, type AssemblyDeps } from './message-assembly';
import { buildMime } from './mime-build';
import type { ImapSession } from './imap-session';
import { appendTo, roleMailboxPath, selectFresh, uidsByMessageId } from './role-mailbox';
import type { SendingEmit } from './sending-events';

export interface DraftServerDeps {
  store: Store;
  drafts: DraftsRepo;
  assembly: AssemblyDeps;
  session(accountId: AccountId): ImapSession;
  emit: SendingEmit;
  now(): number;
  mailboxChanged?(accountId: AccountId, path: string): void;
  log?(level: 'warn', message: string): void;
}

/** Deletes the messages of `path` with this Message-ID, except `keepUid`. */
async function deleteVersions(
  client: ImapFlow,
  path: string,
  messageId: string,
  keepUid: number | null,
): Promise<void> {
  const stale = (await uidsByMessageId(client, path, messageId)).filter((uid) => uid !== keepUid);
  if (stale.length === 0) return;
  await selectFresh(client, path, { readOnly: false });
  await client.messageDelete(stale.join(','), { uid: true });
}

/** Deletes one UID, unless the folder was recreated since (then that UID is another message). */
async function deleteUid(client: ImapFlow, copy: ServerCopy): Promise<void> {
  if (copy.uid === null) return;
  await selectFresh(client, copy.path, { readOnly: false });
  const box = client.mailbox;
  if (copy.uidValidity && box && String(box.uidValidity) !== copy.uidValidity) return;
  await client.messageDelete(String(copy.uid), { uid: true });
}

export class DraftServer {
  constructor(private readonly deps: DraftServerDeps) {}

  /** Puts the draft's current version on the server. True when the server has the current version. */
  push(draftId: string): Promise<boolean> {
    const { drafts } = this.deps;
    const accountId = drafts.get(draftId)?.accountId;
    if (!accountId) return Promise.resolve(false);
    return this.deps.session(accountId).run(async (client) => {
      // Read inside the task: an earlier task may have pushed it, or the draft moved on.
      const record = drafts.get(draftId);
      if (!record || record.state !== 'editing') return false;
      if (record.syncedVersion >= record.version && record.serverUid !== null) return true;
      const account = this.deps.store.accounts.get(record.accountId);
      if (!account) return false;
      const date = new Date(this.deps.now());
      const parts = await assembleParts(
        this.deps.assembly,
        account,
        record.id,
        record.draft,
        draftCopyRecipients(record.draft),
        {
          messageId: record.messageId,
          date,
        },
        new IdentitiesRepo(this.deps.store.db).list(record.accountId),
      );
      const raw = await buildMime(parts, { keepBcc: true });
      const path = await roleMailboxPath(client, this.deps.store, record.accountId, 'drafts');
      const appended = await appendTo(client, path, raw, ['\\Draft', '\\Seen'], date);
      if (!appended) throw new Error(`${account.imap.host} did not save the draft in ${path}.`);
      // Without UIDPLUS the new copy is the newest one with our Message-ID.
      const uid = appended.uid ?? (Math.max(0, ...(await uidsByMessageId(client, path, record.messageId))) || null);
      const copy: ServerCopy = { path, uid, uidValidity: appended.uidValidity?.toString() ?? null };
      await deleteVersions(client, path, record.messageId, copy.uid);
      const previous: ServerCopy = {
        path: record.serverPath ?? '',
        uid: record.serverUid,
        uidValidity: record.serverUidValidity,
      };
      // The version we replaced may be another device's, under another Message-ID.
      if (previous.path && previous.uid !== null && !(previous.path === path && previous.uid === copy.uid))
        await deleteUid(client, previous);
      drafts.markSynced(record.id, record.version, copy);
      this.deps.emit('drafts.changed', { accountId: record.accountId, draftId: record.id, state: 'saved-to-server' });
      this.deps.mailboxChanged?.(record.accountId, path);
      const now = drafts.get(record.id);
      return !!now && now.syncedVersion >= now.version;
    });
  }

  /** Removes every server copy of a discarded (or sent) draft, then the local row. */
  removeFromServer(draftId: string): Promise<void> {
    const { drafts } = this.deps;
    const accountId = drafts.get(draftId)?.accountId;
    if (!accountId) return Promise.resolve();
    return this.deps.session(accountId).run(async (client) => {
      const record = drafts.get(draftId);
      if (!record || record.state !== 'discarded') return;
      const path = record.serverPath ?? (await roleMailboxPath(client, this.deps.store, record.accountId, 'drafts'));
      await deleteVersions(client, path, record.messageId, null);
      if (record.serverPath && record.serverUid !== null)
        await deleteUid(client, {
          path: record.serverPath,
          uid: record.serverUid,
          uidValidity: record.serverUidValidity,
        });
      drafts.remove(record.id);
      this.deps.mailboxChanged?.(record.accountId, path);
    });
  }

  /** Pending pushes and deletions of an account (after being offline, or at start). */
  async flush(accountId: AccountId): Promise<void> {
    for (const record of this.deps.drafts.serverWork(accountId)) {
      try {
        if (record.state === 'discarded') await this.removeFromServer(record.id);
        else await this.push(record.id);
      } catch (error) {
        this.deps.log?.('warn', `draft ${record.id} not synced yet: ${(error as Error).message}`);
      }
    }
  }

  /** The raw message of a server draft, and the UIDVALIDITY its UID belongs to. */
  fetchSource(
    accountId: AccountId,
    path: string,
    uid: number,
  ): Promise<{ source: Buffer; uidValidity: string | null }> {
    return this.deps.session(accountId).run(async (client) => {
      await selectFresh(client, path, { readOnly: true });
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (!message || !message.source)
        throw new ServiceError(
          'not-found',
          'The draft is no longer on the server. It may have been sent or deleted on another device.',
        );
      const box = client.mailbox;
      return { source: message.source, uidValidity: box ? String(box.uidValidity) : null };
    });
  }
}
