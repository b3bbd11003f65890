// Local drafts and their attachment bytes. A draft row lives while the user edits it, while its
// message is in the outbox ('outbox': hidden from the drafts list, returned by outbox.cancel),
// and as a tombstone ('discarded') until its copy on the server is deleted too.
import type { AccountId } from '../../../shared/domain';
import type { ComposeDraft } from '../../../shared/compose';
import { writeTransaction, type Db } from './database';

export type DraftState = 'editing' | 'outbox' | 'discarded';

export interface DraftRecord {
  id: string;
  accountId: AccountId;
  /** The Message-ID every server version of this draft carries. */
  messageId: string;
  draft: ComposeDraft;
  contentHash: string;
  version: number;
  state: DraftState;
  /** The version the user asked to be on the server (drafts.save with sync). */
  syncVersion: number;
  /** The version that is on the server, at serverPath / serverUid. */
  syncedVersion: number;
  serverPath: string | null;
  serverUid: number | null;
  serverUidValidity: string | null;
  updatedAt: number;
}

interface DraftRow {
  id: string;
  account_id: string;
  message_id: string;
  draft_json: string;
  content_hash: string;
  version: number;
  state: DraftState;
  sync_version: number;
  synced_version: number;
  server_path: string | null;
  server_uid: number | null;
  server_uidvalidity: string | null;
  updated_at: number;
}

/** Drafts stored before Reply-To and identities existed lack those fields. */
function storedDraft(row: DraftRow): ComposeDraft {
  const stored = JSON.parse(row.draft_json) as Omit<ComposeDraft, 'replyTo' | 'from'> &
    Partial<Pick<ComposeDraft, 'replyTo' | 'from'>>;
  return { ...stored, replyTo: stored.replyTo ?? '', from: stored.from ?? '', draftId: row.id };
}

function toRecord(row: DraftRow): DraftRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    messageId: row.message_id,
    draft: storedDraft(row),
    contentHash: row.content_hash,
    version: row.version,
    state: row.state,
    syncVersion: row.sync_version,
    syncedVersion: row.synced_version,
    serverPath: row.server_path,
    serverUid: row.server_uid,
    serverUidValidity: row.server_uidvalidity,
    updatedAt: row.updated_at,
  };
}

export interface ServerCopy {
  path: string;
  uid: number | null;
  uidValidity: string | null;
}

export class DraftsRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): DraftRecord | null {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    return row ? toRecord(row) : null;
  }

  byMessageId(accountId: AccountId, messageId: string): DraftRecord | null {
    const row = this.db
      .prepare('SELECT * FROM drafts WHERE account_id = ? AND message_id = ?')
      .get(accountId, messageId) as DraftRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Drafts being edited, newest first. */
  list(accountId?: AccountId): DraftRecord[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare(`SELECT * FROM drafts WHERE state = 'editing' ORDER BY updated_at DESC`).all()
        : this.db
            .prepare(`SELECT * FROM drafts WHERE state = 'editing' AND account_id = ? ORDER BY updated_at DESC`)
            .all(accountId)
    ) as DraftRow[];
    return rows.map(toRecord);
  }

  insert(id: string, accountId: AccountId, messageId: string, draft: ComposeDraft, contentHash: string): DraftRecord {
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO drafts (id, account_id, message_id, draft_json, content_hash, updated_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, accountId, messageId, JSON.stringify({ ...draft, draftId: id }), contentHash, now, now);
    return this.get(id)!;
  }

  /** A new version of the content. The caller has checked that the hash differs. */
  updateContent(id: string, draft: ComposeDraft, contentHash: string): void {
    this.db
      .prepare(`UPDATE drafts SET draft_json = ?, content_hash = ?, version = version + 1, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify({ ...draft, draftId: id }), contentHash, this.now(), id);
  }

  /** The current version should be on the server. */
  requestSync(id: string): void {
    this.db.prepare('UPDATE drafts SET sync_version = version WHERE id = ?').run(id);
  }

  markSynced(id: string, version: number, copy: ServerCopy): void {
    this.db
      .prepare(
        `UPDATE drafts SET synced_version = ?, sync_version = MAX(sync_version, ?), server_path = ?, server_uid = ?,
           server_uidvalidity = ? WHERE id = ?`,
      )
      .run(version, version, copy.path, copy.uid, copy.uidValidity, id);
  }

  /** Content that came from the server copy (drafts.open): it is on the server as it is. */
  adoptServerVersion(id: string, draft: ComposeDraft, contentHash: string, copy: ServerCopy): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE drafts SET draft_json = ?, content_hash = ?, version = version + 1, state = 'editing', updated_at = ? WHERE id = ?`,
        )
        .run(JSON.stringify({ ...draft, draftId: id }), contentHash, this.now(), id);
      const { version } = this.db.prepare('SELECT version FROM drafts WHERE id = ?').get(id) as { version: number };
      this.markSynced(id, version, copy);
    });
  }

  /**
   * The user switched the draft to another account (From). Its copy on the old account's server
   * is left to a tombstone row (deleted there by the next flush); the draft itself starts afresh
   * on the new account, under a new Message-ID.
   */
  moveToAccount(id: string, accountId: AccountId, messageId: string, tombstoneId: string): void {
    const row = this.db.prepare('SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
    if (!row || row.account_id === accountId) return;
    this.db
      .prepare(
        `UPDATE drafts SET account_id = ?, message_id = ?, sync_version = 0, synced_version = 0, server_path = NULL,
           server_uid = NULL, server_uidvalidity = NULL WHERE id = ?`,
      )
      .run(accountId, messageId, id);
    if (row.server_uid === null && row.sync_version === 0) return;
    this.db
      .prepare(
        `INSERT INTO drafts (id, account_id, message_id, draft_json, content_hash, version, state, sync_version,
           synced_version, server_path, server_uid, server_uidvalidity, updated_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'discarded', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tombstoneId,
        row.account_id,
        row.message_id,
        row.draft_json,
        row.content_hash,
        row.version,
        row.sync_version,
        row.synced_version,
        row.server_path,
        row.server_uid,
        row.server_uidvalidity,
        this.now(),
        this.now(),
      );
  }

  setState(id: string, state: DraftState): void {
    this.db.prepare('UPDATE drafts SET state = ?, updated_at = ? WHERE id = ?').run(state, this.now(), id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM drafts WHERE id = ?').run(id);
  }

  /** Drafts of an account whose server copy has to be written or deleted. */
  serverWork(accountId: AccountId): DraftRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM drafts WHERE account_id = ?
           AND ((state = 'editing' AND sync_version > synced_version) OR state = 'discarded')
         ORDER BY updated_at`,
      )
      .all(accountId) as DraftRow[];
    return rows.map(toRecord);
  }

  accountsWithServerWork(): AccountId[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT account_id FROM drafts
           WHERE (state = 'editing' AND sync_version > synced_version) OR state = 'discarded'`,
        )
        .raw()
        .all() as [string][]
    ).map(([id]) => id);
  }

  putBlob(draftId: string, blobId: string, data: Buffer, sourceKey: string | null): void {
    this.db
      .prepare(
        `INSERT INTO draft_blobs (draft_id, blob_id, source_key, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (draft_id, blob_id) DO UPDATE SET source_key = COALESCE(excluded.source_key, source_key)`,
      )
      .run(draftId, blobId, sourceKey, data);
  }

  hasBlob(draftId: string, blobId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM draft_blobs WHERE draft_id = ? AND blob_id = ?').get(draftId, blobId);
  }

  blob(draftId: string, blobId: string): Buffer | null {
    const row = this.db
      .prepare('SELECT data FROM draft_blobs WHERE draft_id = ? AND blob_id = ?')
      .get(draftId, blobId) as { data: Buffer } | undefined;
    return row?.data ?? null;
  }

  blobBySource(draftId: string, sourceKey: string): { blobId: string; size: number } | null {
    const row = this.db
      .prepare('SELECT blob_id, length(data) AS size FROM draft_blobs WHERE draft_id = ? AND source_key = ? LIMIT 1')
      .get(draftId, sourceKey) as { blob_id: string; size: number } | undefined;
    return row ? { blobId: row.blob_id, size: row.size } : null;
  }

  /** Deletes the draft's blobs that its attachments no longer name. */
  pruneBlobs(draftId: string, keep: readonly string[]): void {
    const existing = this.db.prepare('SELECT blob_id FROM draft_blobs WHERE draft_id = ?').raw().all(draftId) as [
      string,
    ][];
    const wanted = new Set(keep);
    const drop = this.db.prepare('DELETE FROM draft_blobs WHERE draft_id = ? AND blob_id = ?');
    for (const [blobId] of existing) if (!wanted.has(blobId)) drop.run(draftId, blobId);
  }
}
