// The rows of POP3 accounts (migration 14): the server and options of each, and what was
// downloaded from it by UIDL. A downloaded message is also an ordinary row of `messages` in the
// account's local Inbox, so the list, search, the unified inbox and the keys treat it like any
// other; its local `uid` is a counter of this folder, since POP3 has no UIDs.
import type { AccountId, MailboxId, MailboxRole, MessageId, Security } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import { writeTransaction, type Db } from './database';
import { HEADER_SQL, headerRow, writeHeaderRows, type HeaderRow } from './header-rows';
import { listAnchors } from './list-anchors';
import { POP3_BATCH_SQL, writePop3Batch, type Pop3BatchStatements, type Pop3WriteBatch } from './pop3-batch';
import { statementCache } from './statement-cache';
import type { HeaderRecord } from './messages-repo';

export interface Pop3Options {
  /** Keep messages on the server after downloading them (the default). */
  leaveOnServer: boolean;
  /** With leaveOnServer: remove them from the server this many days after download; null: never. */
  deleteAfterDays: number | null;
  /** Remove a message from the server once it is deleted here (emptied from Trash or deleted there). */
  deleteWhenDeletedHere: boolean;
}

export const DEFAULT_POP3_OPTIONS: Pop3Options = {
  leaveOnServer: true,
  deleteAfterDays: null,
  deleteWhenDeletedHere: false,
};

export interface Pop3Server {
  host: string;
  port: number;
  security: Security;
}

export interface Pop3AccountRecord extends Pop3Server {
  accountId: AccountId;
  options: Pop3Options;
}

export type { Pop3WriteBatch } from './pop3-batch';

/** What the store knows of one UIDL. */
export interface Pop3Known {
  uidl: string;
  /** The local message; null once it was deleted here. */
  messageRow: MessageId | null;
  /** The whole message is stored (RETR finished), not only its header. */
  complete: boolean;
  /** Deleted here: the local message is gone or in the Trash. */
  deletedHere: boolean;
  headerHash: string;
  downloadedAt: number;
}

/** The folders every POP3 account has locally: POP3 itself knows only one mailbox. */
export const POP3_LOCAL_FOLDERS: readonly { path: string; name: string; role: MailboxRole }[] = [
  { path: 'INBOX', name: 'Inbox', role: 'inbox' },
  { path: 'Drafts', name: 'Drafts', role: 'drafts' },
  { path: 'Sent', name: 'Sent', role: 'sent' },
  { path: 'Archive', name: 'Archive', role: 'archive' },
  { path: 'Trash', name: 'Trash', role: 'trash' },
];

interface AccountRow {
  account_id: string;
  host: string;
  port: number;
  security: Security;
  leave_on_server: number;
  delete_after_days: number | null;
  delete_when_deleted: number;
}

interface KnownRow {
  uidl: string;
  message_row: number | null;
  complete: number;
  deleted_here: number;
  header_hash: string;
  downloaded_at: number;
}

/**
 * A downloaded message's row with its local uid. Not headerRow(inbox, { ...record, uid }): V8
 * reads such a copy slowly, and the row took ~6 µs a message to make from it against ~1.5 from
 * the record itself (measured on the bench's 10,000 messages).
 */
export function pop3Row(inbox: MailboxId, record: Omit<HeaderRecord, 'uid'>, uid: number): HeaderRow {
  // the record is a HeaderRecord but for its uid, which is set here
  const row = headerRow(inbox, record as HeaderRecord);
  row[1] = uid;
  return row;
}

/** Who copies the write-ahead log into the database file when a download ends. */
export interface CheckpointRunner {
  /** Called as a download starts: a thread to do it is started meanwhile, not when it is due. */
  warmUp(): void;
  /** Copies the log (PASSIVE); may return before the copy is done. */
  checkpoint(): void;
}

/**
 * Who else may write a download's batches: a thread on its own connection (pop3-writer.ts), so
 * this one's thread goes on reading replies meanwhile.
 */
export interface Pop3BatchWriter {
  /** Gets ready to write (a thread takes tens of ms to load SQLite), so the first batch does not wait. */
  warmUp(): void;
  /** The ids of the whole messages' rows once committed; null when it did not write the batch (the caller does). */
  store(batch: Pop3WriteBatch): Promise<MessageId[] | null>;
}

/** Downloads holding back a connection's automatic checkpoints, and the setting to go back to. */
const heldCheckpoints = new WeakMap<Db, { count: number; every: number }>();

export class Pop3Repo {
  /**
   * The statements a download runs for every batch, prepared once: preparing its eight afresh
   * for each batch of 200 cost ~3 µs a message (better-sqlite3 caches none).
   */
  private readonly statement: (sql: string) => Statement;

  constructor(
    private readonly db: Db,
    /** Brings the durable copy of POP3 mail up to date (pop3-copy.ts); throws when it cannot. */
    private readonly updateCopy: () => void = () => undefined,
    /**
     * Where the log is copied once a download ends (withOneCheckpoint): the store hands it to the
     * POP3 writer thread, which wrote the batches (or, without it, Store.checkpointElsewhere);
     * alone, this connection copies it.
     */
    private readonly checkpoints: CheckpointRunner = {
      warmUp: () => undefined,
      checkpoint: () => {
        db.pragma('wal_checkpoint(PASSIVE)');
      },
    },
    /** Where storeDownloadedElsewhere sends batches: the store's POP3 writer thread; none, this connection. */
    private readonly writer: Pop3BatchWriter | null = null,
  ) {
    this.statement = statementCache(db);
  }

  /**
   * Called before a session removes anything from the server: from then on the server has no copy,
   * so the one outside mail.db must hold the message first. Throws (and nothing is removed) when
   * the copy cannot be written.
   */
  secureBeforeRemoving(): void {
    this.updateCopy();
  }

  /** Makes `accountId` a POP3 account with its local folders (synced: their counts are local). */
  register(accountId: AccountId, server: Pop3Server, options: Pop3Options = DEFAULT_POP3_OPTIONS): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO pop3_accounts (account_id, host, port, security, leave_on_server, delete_after_days, delete_when_deleted)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security`,
        )
        .run(accountId, server.host, server.port, server.security, ...optionValues(options));
      const folder = this.db.prepare(
        `INSERT INTO mailboxes (account_id, path, name, parent_path, delimiter, role, synced_low_uid)
         VALUES (?, ?, ?, NULL, '/', ?, 1) ON CONFLICT (account_id, path) DO NOTHING`,
      );
      for (const f of POP3_LOCAL_FOLDERS) folder.run(accountId, f.path, f.name, f.role);
    });
  }

  account(accountId: AccountId): Pop3AccountRecord | null {
    const row = this.db.prepare('SELECT * FROM pop3_accounts WHERE account_id = ?').get(accountId) as
      AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  isPop3(accountId: AccountId): boolean {
    return this.db.prepare('SELECT 1 FROM pop3_accounts WHERE account_id = ?').get(accountId) !== undefined;
  }

  setOptions(accountId: AccountId, options: Pop3Options): void {
    this.db
      .prepare(
        'UPDATE pop3_accounts SET leave_on_server = ?, delete_after_days = ?, delete_when_deleted = ? WHERE account_id = ?',
      )
      .run(...optionValues(options), accountId);
  }

  /** The local Inbox that downloads go to. */
  inbox(accountId: AccountId): MailboxId {
    const row = this.statement("SELECT id FROM mailboxes WHERE account_id = ? AND path = 'INBOX'").get(accountId) as
      { id: number } | undefined;
    if (!row) throw new Error(`Account ${accountId} has no local Inbox: it is not a POP3 account.`);
    return row.id;
  }

  /** Every UIDL downloaded (in part or whole) from the account's server. */
  known(accountId: AccountId): Map<string, Pop3Known> {
    const rows = this.db
      .prepare(
        `SELECT p.uidl, p.message_row, p.header_hash, p.downloaded_at,
           EXISTS (SELECT 1 FROM pop3_raw r WHERE r.message_row = p.message_row) AS complete,
           (p.message_row IS NULL OR b.role = 'trash') AS deleted_here
         FROM pop3_messages p
         LEFT JOIN messages m ON m.id = p.message_row
         LEFT JOIN mailboxes b ON b.id = m.mailbox_id
         WHERE p.account_id = ?`,
      )
      .all(accountId) as KnownRow[];
    return new Map(rows.map((r) => [r.uidl, toKnown(r)]));
  }

  /**
   * Stores the headers of new messages in the Inbox and records their UIDLs, in one transaction:
   * a header is never stored without its UIDL, nor the UIDL without the header.
   */
  addHeaders(
    accountId: AccountId,
    headers: readonly { uidl: string; headerHash: string; record: Omit<HeaderRecord, 'uid'> }[],
    now: number,
  ): MessageId[] {
    if (headers.length === 0) return [];
    return writeTransaction(this.db, () => {
      const inbox = this.inbox(accountId);
      let uid = this.topUid(inbox);
      const ids = this.writeRows(
        inbox,
        headers.map((h) => pop3Row(inbox, h.record, ++uid)),
      );
      const record = this.statement(POP3_BATCH_SQL.recordUidl);
      headers.forEach((h, i) => record.run(accountId, h.uidl, ids[i], h.headerHash, now));
      listAnchors(this.db).changed();
      return ids.map((id) => id as MessageId);
    });
  }

  /** A download begins: whoever writes its batches elsewhere gets ready meanwhile. */
  warmUpWriter(): void {
    this.writer?.warmUp();
  }

  /** A message made here (a Sent copy) filed in a local folder with its source; returns its row. */
  addLocal(mailboxId: MailboxId, record: Omit<HeaderRecord, 'uid'>, raw: Buffer): MessageId {
    return writeTransaction(this.db, () => {
      const [id] = this.writeRows(mailboxId, [pop3Row(mailboxId, record, this.topUid(mailboxId) + 1)]);
      this.statement(POP3_BATCH_SQL.insertRaw).run(id, raw);
      listAnchors(this.db).changed();
      return id as MessageId;
    });
  }

  /**
   * Stores a batch of a download in one transaction: bytes under rows stored earlier (TOP), and
   * messages that came whole with their row and UIDL, so a UIDL is never recorded for a message
   * that is not here. The ids of the whole messages' rows, in order.
   */
  storeDownloaded(batch: Pop3WriteBatch): MessageId[] {
    if (batch.bodies.length + batch.whole.length === 0) return [];
    const ids = writeTransaction(this.db, () => writePop3Batch(this.batchStatements(), writeHeaderRows, batch));
    listAnchors(this.db).changed();
    return ids as MessageId[];
  }

  /**
   * storeDownloaded on the writer thread's connection, so the caller's thread is free until the
   * batch is committed; the list is told here, once it is. Where the thread is not to be had,
   * fails or goes away, the batch is written here instead, never lost: a real failure (a full
   * disk) then throws with its usual error. Such a batch may have been committed by a thread
   * that went before it could say so; whole messages whose UIDL is recorded already are then
   * not written again, and their rows are answered as stored (null: deleted here meanwhile).
   * The ids of the whole messages' rows, in the batch's order.
   */
  async storeDownloadedElsewhere(batch: Pop3WriteBatch): Promise<(MessageId | null)[]> {
    if (batch.bodies.length + batch.whole.length === 0) return [];
    const ids = this.writer ? await this.writer.store(batch) : null;
    if (ids === null) return this.writer ? this.storeDownloadedAgain(batch) : this.storeDownloaded(batch);
    listAnchors(this.db).changed();
    return ids;
  }

  /** storeDownloaded of a batch a thread may have written already (storeDownloadedElsewhere). */
  private storeDownloadedAgain(batch: Pop3WriteBatch): (MessageId | null)[] {
    const ids = writeTransaction(this.db, () => {
      const rowOfUidl = this.statement(POP3_BATCH_SQL.rowOfUidl);
      const recorded = batch.whole.map(
        (w) => (rowOfUidl.get(batch.accountId, w.uidl) as { message_row: number | null } | undefined)?.message_row,
      );
      const written = writePop3Batch(this.batchStatements(), writeHeaderRows, {
        ...batch,
        whole: batch.whole.filter((_, i) => recorded[i] === undefined),
      });
      // in the batch's order: the row stored before, or the next one written now
      let next = 0;
      return recorded.map((row) => (row === undefined ? written[next++]! : row));
    });
    listAnchors(this.db).changed();
    return ids as (MessageId | null)[];
  }

  /** The statements writePop3Batch runs, from this connection's cache. */
  private batchStatements(): Pop3BatchStatements {
    return {
      rowOfUidl: this.statement(POP3_BATCH_SQL.rowOfUidl),
      topUid: this.statement(POP3_BATCH_SQL.topUid),
      recordUidl: this.statement(POP3_BATCH_SQL.recordUidl),
      replaceRaw: this.statement(POP3_BATCH_SQL.replaceRaw),
      insertRaw: this.statement(POP3_BATCH_SQL.insertRaw),
      header: {
        insert: this.statement(HEADER_SQL.insert),
        refresh: this.statement(HEADER_SQL.refresh),
        counts: this.statement(HEADER_SQL.counts),
      },
    };
  }

  /** The highest local uid of a folder (0 when empty): POP3 and local rows count up from it. */
  private topUid(mailboxId: MailboxId): number {
    return (this.statement('SELECT COALESCE(MAX(uid), 0) FROM messages WHERE mailbox_id = ?').pluck().get(mailboxId) ??
      0) as number;
  }

  /** Inserts rows into a folder with the batch writer IMAP sync uses (its counts kept); their ids. */
  private writeRows(mailboxId: MailboxId, rows: HeaderRow[]): number[] {
    return writeHeaderRows(
      {
        insert: this.statement(HEADER_SQL.insert),
        refresh: this.statement(HEADER_SQL.refresh),
        counts: this.statement(HEADER_SQL.counts),
      },
      mailboxId,
      rows,
    );
  }

  /**
   * Runs `work` with SQLite's automatic checkpoints held back, then checkpoints once. A download
   * writes tens of megabytes; left to itself SQLite copies the log into the database file every
   * 4 MB (1000 pages), and every copy writes again the index pages that every batch touches. One
   * copy at the end writes each page once: measured on 10,000 messages (20 MB), the bytes cost half
   * as much to store. PASSIVE: a reader of the list is never waited for; what it still holds
   * is copied by the next checkpoint. That one copy is the store's to place (`checkpoints`): on
   * a writer thread it no longer holds up the end of the download, since most of its 100-180 ms
   * are the file's fsync, which the main thread only waited for.
   */
  async withOneCheckpoint<T>(work: () => Promise<T>): Promise<T> {
    // two accounts may download at once: the first holds the checkpoints, the last lets them go
    const held = heldCheckpoints.get(this.db);
    if (held) held.count++;
    else {
      this.checkpoints.warmUp();
      heldCheckpoints.set(this.db, {
        count: 1,
        every: this.db.pragma('wal_autocheckpoint', { simple: true }) as number,
      });
      this.db.pragma('wal_autocheckpoint = 0');
    }
    try {
      return await work();
    } finally {
      const mine = heldCheckpoints.get(this.db)!;
      if (--mine.count === 0) {
        heldCheckpoints.delete(this.db);
        this.db.pragma(`wal_autocheckpoint = ${mine.every}`);
        this.checkpoints.checkpoint();
      }
    }
  }

  /** The whole message behind a local row, if it was downloaded. */
  raw(messageRow: MessageId): Buffer | null {
    const row = this.db.prepare('SELECT raw FROM pop3_raw WHERE message_row = ?').get(messageRow) as
      { raw: Buffer } | undefined;
    return row?.raw ?? null;
  }

  /** The server gave a stored message a new UIDL (it reset or renumbered them): keep the message, take the new one. */
  renameUidl(accountId: AccountId, from: string, to: string): void {
    this.db.prepare('UPDATE pop3_messages SET uidl = ? WHERE account_id = ? AND uidl = ?').run(to, accountId, from);
  }

  /**
   * The account reads another POP3 mailbox now (host, port or user name changed). Its UIDLs may
   * well collide with the old one's (many servers count from 1), and a collision would skip a new
   * message as downloaded, or even DELE it unread. So the old UIDLs are set apart where no UIDL can
   * reach them (a UIDL has no spaces, RFC 1939): the next session finds them all vanished, and
   * recognises by its header any message the "new" server still has (the same mailbox under
   * a new name), so nothing comes twice; the rest are forgotten. Local mail is never touched: for
   * POP3 it is the only copy.
   */
  serverChanged(accountId: AccountId): void {
    this.db
      .prepare(
        "UPDATE pop3_messages SET uidl = 'previous-server ' || uidl WHERE account_id = ? AND uidl NOT LIKE 'previous-server %'",
      )
      .run(accountId);
  }

  /**
   * Forgets UIDLs the server no longer has (removed by us or by another client): they can never
   * come back under that UIDL. The local messages and their bodies stay.
   */
  forget(accountId: AccountId, uidls: readonly string[]): void {
    if (uidls.length === 0) return;
    writeTransaction(this.db, () => {
      const stmt = this.db.prepare('DELETE FROM pop3_messages WHERE account_id = ? AND uidl = ?');
      for (const uidl of uidls) stmt.run(accountId, uidl);
    });
  }
}

function optionValues(o: Pop3Options): [number, number | null, number] {
  return [o.leaveOnServer ? 1 : 0, o.deleteAfterDays, o.deleteWhenDeletedHere ? 1 : 0];
}

function toAccount(row: AccountRow): Pop3AccountRecord {
  return {
    accountId: row.account_id,
    host: row.host,
    port: row.port,
    security: row.security,
    options: {
      leaveOnServer: row.leave_on_server === 1,
      deleteAfterDays: row.delete_after_days,
      deleteWhenDeletedHere: row.delete_when_deleted === 1,
    },
  };
}

function toKnown(row: KnownRow): Pop3Known {
  return {
    uidl: row.uidl,
    messageRow: row.message_row === null ? null : (row.message_row as MessageId),
    complete: row.complete === 1,
    deletedHere: row.deleted_here === 1,
    headerHash: row.header_hash,
    downloadedAt: row.downloaded_at,
  };
}
