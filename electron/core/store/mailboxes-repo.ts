// Mailbox rows and their sync state.
import type { AccountId, Mailbox, MailboxId, MailboxRole } from '../../../shared/domain';
import { writeTransaction, type Db } from './database';
import { listAnchors } from './list-anchors';

interface MailboxRow {
  id: number;
  account_id: string;
  path: string;
  name: string;
  parent_path: string | null;
  delimiter: string;
  role: MailboxRole | null;
  subscribed: number;
  selectable: number;
  server_unread: number | null;
  server_total: number | null;
  uidvalidity: string | null;
  highestmodseq: string | null;
  uidnext: number | null;
  synced_high_uid: number;
  synced_low_uid: number | null;
  sync_enabled: number;
  sync_on_open: number;
}

/** What the sync engine remembers of a mailbox between runs. */
export interface MailboxSyncState {
  uidValidity: string | null;
  highestModseq: string | null;
  uidNext: number | null;
  syncedHighUid: number;
  syncedLowUid: number | null;
}

/** Saves a mailbox's sync state (also from the header writer thread, in a batch's transaction). */
export const SYNC_STATE_SQL = `UPDATE mailboxes SET uidvalidity = ?, highestmodseq = ?, uidnext = ?, synced_high_uid = ?,
  synced_low_uid = ? WHERE id = ?`;

export function syncStateParams(id: MailboxId, state: MailboxSyncState): unknown[] {
  return [state.uidValidity, state.highestModseq, state.uidNext, state.syncedHighUid, state.syncedLowUid, id];
}

export interface MailboxRecord extends Mailbox {
  sync: MailboxSyncState;
}

/** What the LIST response tells about one mailbox. */
export interface ListedMailbox {
  path: string;
  name: string;
  parentPath: string | null;
  delimiter: string;
  role: MailboxRole | null;
  subscribed: boolean;
  selectable: boolean;
  unread: number | null;
  total: number | null;
  /** False for a folder that only shows messages of others (Gmail's All Mail): not synced unless the user asks. */
  syncByDefault?: boolean;
  /** True for a Gmail label folder: synced only while open until the user turns its sync on. */
  syncOnOpenByDefault?: boolean;
}

// Counts come from the cache once the mailbox is synced (so local actions show at once) and from
// STATUS until then, so folders the user never opened still show their unread numbers.
const SELECT = `
  SELECT b.*,
    b.message_count AS local_total, b.unread_count AS local_unread
  FROM mailboxes b`;

type CountedRow = MailboxRow & { local_total: number; local_unread: number };

function toRecord(row: CountedRow): MailboxRecord {
  const synced = row.synced_low_uid !== null;
  return {
    id: row.id,
    accountId: row.account_id,
    path: row.path,
    name: row.name,
    parentPath: row.parent_path,
    delimiter: row.delimiter,
    role: row.role,
    subscribed: row.subscribed === 1,
    selectable: row.selectable === 1,
    syncEnabled: row.sync_enabled === 1,
    ...(row.sync_on_open === 1 ? { syncOnOpen: true } : {}),
    unread: synced || row.server_unread === null ? row.local_unread : row.server_unread,
    total: synced || row.server_total === null ? row.local_total : row.server_total,
    sync: {
      uidValidity: row.uidvalidity,
      highestModseq: row.highestmodseq,
      uidNext: row.uidnext,
      syncedHighUid: row.synced_high_uid,
      syncedLowUid: row.synced_low_uid,
    },
  };
}

export function toMailbox(record: MailboxRecord): Mailbox {
  const { sync: _sync, ...mailbox } = record;
  return mailbox;
}

export class MailboxesRepo {
  constructor(private readonly db: Db) {}

  list(accountId?: AccountId): MailboxRecord[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare(`${SELECT} ORDER BY b.account_id, b.path`).all()
        : this.db.prepare(`${SELECT} WHERE b.account_id = ? ORDER BY b.path`).all(accountId)
    ) as CountedRow[];
    return rows.map(toRecord);
  }

  get(id: MailboxId): MailboxRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as CountedRow | undefined;
    return row ? toRecord(row) : null;
  }

  byPath(accountId: AccountId, path: string): MailboxRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE b.account_id = ? AND b.path = ?`).get(accountId, path) as
      CountedRow | undefined;
    return row ? toRecord(row) : null;
  }

  byRole(accountId: AccountId, role: MailboxRole): MailboxRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE b.account_id = ? AND b.role = ? LIMIT 1`).get(accountId, role) as
      CountedRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Makes the stored tree equal the server's LIST; returns true when anything changed. */
  replaceTree(accountId: AccountId, listed: ListedMailbox[]): boolean {
    let changed = false;
    writeTransaction(this.db, () => {
      const existing = new Map(
        (this.db.prepare('SELECT * FROM mailboxes WHERE account_id = ?').all(accountId) as MailboxRow[]).map((r) => [
          r.path,
          r,
        ]),
      );
      const upsert = this.db.prepare(
        `INSERT INTO mailboxes (account_id, path, name, parent_path, delimiter, role, subscribed, selectable,
           server_unread, server_total, sync_enabled, sync_on_open)
         VALUES (@accountId, @path, @name, @parentPath, @delimiter, @role, @subscribed, @selectable, @unread, @total,
           @syncEnabled, @syncOnOpen)
         ON CONFLICT (account_id, path) DO UPDATE SET name = excluded.name, parent_path = excluded.parent_path,
           delimiter = excluded.delimiter, role = excluded.role, subscribed = excluded.subscribed,
           selectable = excluded.selectable,
           server_unread = COALESCE(excluded.server_unread, server_unread),
           server_total = COALESCE(excluded.server_total, server_total)`,
      );
      for (const box of listed) {
        const old = existing.get(box.path);
        existing.delete(box.path);
        const row = {
          accountId,
          path: box.path,
          name: box.name,
          parentPath: box.parentPath,
          delimiter: box.delimiter,
          role: box.role,
          subscribed: box.subscribed ? 1 : 0,
          selectable: box.selectable ? 1 : 0,
          unread: box.unread,
          total: box.total,
          // only for a new row: the user's choice for a known folder stays (ON CONFLICT leaves it)
          syncEnabled: box.syncByDefault === false ? 0 : 1,
          syncOnOpen: box.syncOnOpenByDefault ? 1 : 0,
        };
        if (
          !old ||
          old.name !== row.name ||
          old.parent_path !== row.parentPath ||
          old.role !== row.role ||
          old.subscribed !== row.subscribed ||
          old.selectable !== row.selectable ||
          (row.unread !== null && old.server_unread !== row.unread) ||
          (row.total !== null && old.server_total !== row.total)
        )
          changed = true;
        upsert.run(row);
      }
      const remove = this.db.prepare('DELETE FROM mailboxes WHERE id = ?');
      // a mailbox removed takes its messages along (ON DELETE CASCADE)
      if (existing.size) listAnchors(this.db).changed();
      for (const gone of existing.values()) {
        remove.run(gone.id);
        changed = true;
      }
    });
    return changed;
  }

  /**
   * A folder the user created here: shown at once, before the server has it (the queued CREATE
   * follows). The server's LIST later finds it at the same path and keeps this row and its id.
   */
  addLocal(accountId: AccountId, path: string, name: string, parentPath: string | null, delimiter: string): MailboxId {
    const { id } = this.db
      .prepare(
        `INSERT INTO mailboxes (account_id, path, name, parent_path, delimiter, role, subscribed, selectable)
         VALUES (?, ?, ?, ?, ?, NULL, 1, 1) RETURNING id`,
      )
      .get(accountId, path, name, parentPath, delimiter) as { id: number };
    return id;
  }

  /**
   * A folder renamed or moved here: it and every folder below it take the new path at once,
   * keeping their ids, so their cached messages stay where they are.
   */
  renameLocal(accountId: AccountId, fromPath: string, toPath: string, name: string, parentPath: string | null): void {
    writeTransaction(this.db, () => {
      const rows = this.db
        .prepare('SELECT id, path, parent_path, delimiter FROM mailboxes WHERE account_id = ?')
        .all(accountId) as Pick<MailboxRow, 'id' | 'path' | 'parent_path' | 'delimiter'>[];
      const update = this.db.prepare('UPDATE mailboxes SET path = ?, parent_path = ? WHERE id = ?');
      for (const row of rows) {
        if (!isBelow(row.path, fromPath, row.delimiter)) continue;
        const parent =
          row.parent_path === null ? null : replacePrefix(row.parent_path, fromPath, toPath, row.delimiter);
        update.run(toPath + row.path.slice(fromPath.length), parent, row.id);
      }
      this.db
        .prepare('UPDATE mailboxes SET path = ?, name = ?, parent_path = ? WHERE account_id = ? AND path = ?')
        .run(toPath, name, parentPath, accountId, fromPath);
    });
  }

  /** A folder deleted here, with the folders below it and their cached messages. */
  removeLocal(accountId: AccountId, path: string): MailboxId[] {
    const gone = this.list(accountId).filter((b) => b.path === path || isBelow(b.path, path, b.delimiter));
    listAnchors(this.db).changed();
    writeTransaction(this.db, () => {
      const remove = this.db.prepare('DELETE FROM mailboxes WHERE id = ?');
      for (const box of gone) remove.run(box.id);
    });
    return gone.map((b) => b.id);
  }

  /** Selective sync: turning a folder's sync off drops its cached messages (nothing stale stays). */
  setSyncEnabled(id: MailboxId, enabled: boolean): void {
    // either choice is the user's: a folder that synced only while open no longer does
    this.db.prepare('UPDATE mailboxes SET sync_enabled = ?, sync_on_open = 0 WHERE id = ?').run(enabled ? 1 : 0, id);
    if (!enabled) this.resetCache(id);
  }

  /** Subscribed here at once; the queued SUBSCRIBE or UNSUBSCRIBE tells the server. */
  setSubscribed(accountId: AccountId, path: string, subscribed: boolean): void {
    this.db
      .prepare('UPDATE mailboxes SET subscribed = ? WHERE account_id = ? AND path = ?')
      .run(subscribed ? 1 : 0, accountId, path);
  }

  /** How many months of headers the account syncs; null for all of them. */
  syncSinceMonths(accountId: AccountId): number | null {
    const row = this.db.prepare('SELECT since_months FROM account_sync_window WHERE account_id = ?').get(accountId) as
      { since_months: number | null } | undefined;
    return row?.since_months ?? null;
  }

  /**
   * A new window of months. Each folder's backfill is opened again below its oldest cached
   * message, so a wider window fetches what the narrower one left out (a narrower one only
   * stops fetching; what is cached stays).
   */
  setSyncSinceMonths(accountId: AccountId, months: number | null): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO account_sync_window (account_id, since_months) VALUES (?, ?)
           ON CONFLICT (account_id) DO UPDATE SET since_months = excluded.since_months`,
        )
        .run(accountId, months);
      this.db
        .prepare(
          `UPDATE mailboxes SET synced_low_uid =
             (SELECT MIN(uid) FROM messages m WHERE m.mailbox_id = mailboxes.id AND m.uid IS NOT NULL)
           WHERE account_id = ? AND synced_low_uid IS NOT NULL
             AND EXISTS (SELECT 1 FROM messages m WHERE m.mailbox_id = mailboxes.id AND m.uid IS NOT NULL)`,
        )
        .run(accountId);
    });
  }

  saveSyncState(id: MailboxId, state: MailboxSyncState): void {
    this.db.prepare(SYNC_STATE_SQL).run(...syncStateParams(id, state));
  }

  /** The next sync fetches every flag instead of only those changed since HIGHESTMODSEQ. */
  forgetModseq(id: MailboxId): void {
    this.db.prepare('UPDATE mailboxes SET highestmodseq = NULL WHERE id = ?').run(id);
  }

  setServerCounts(id: MailboxId, unread: number | null, total: number | null): void {
    this.db.prepare('UPDATE mailboxes SET server_unread = ?, server_total = ? WHERE id = ?').run(unread, total, id);
  }

  /** UIDVALIDITY changed: every cached UID of this mailbox is meaningless now. */
  resetCache(id: MailboxId): void {
    listAnchors(this.db).changed();
    writeTransaction(this.db, () => {
      this.db.prepare('DELETE FROM messages WHERE mailbox_id = ?').run(id);
      this.db
        .prepare(
          `UPDATE mailboxes SET uidvalidity = NULL, highestmodseq = NULL, uidnext = NULL, synced_high_uid = 0,
             synced_low_uid = NULL WHERE id = ?`,
        )
        .run(id);
    });
  }
}

/** Whether `path` is a folder somewhere below `ancestor`. */
export function isBelow(path: string, ancestor: string, delimiter: string): boolean {
  return delimiter !== '' && path.startsWith(ancestor + delimiter);
}

function replacePrefix(path: string, from: string, to: string, delimiter: string): string {
  if (path === from) return to;
  return isBelow(path, from, delimiter) ? to + path.slice(from.length) : path;
}
