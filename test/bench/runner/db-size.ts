// How big the synced cache is: the whole mail.db, and the messages table with its indexes
// (dbstat), per stored header.
import path from 'node:path';
import Database from 'better-sqlite3';

export interface DbSize {
  messages: number;
  fileBytes: number;
  /** Bytes of the messages table and its indexes, by name. */
  messageObjects: Record<string, number>;
}

export function dbSize(profileDir: string): DbSize {
  const db = new Database(path.join(profileDir, 'mail.db'), { readonly: true, fileMustExist: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const rows = db
      .prepare(
        `SELECT name, SUM(pgsize) AS bytes FROM dbstat
         WHERE name = 'messages' OR name IN (SELECT name FROM sqlite_schema WHERE tbl_name = 'messages')
         GROUP BY name`,
      )
      .all() as { name: string; bytes: number }[];
    return {
      messages: db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number,
      fileBytes: pageSize * pages,
      messageObjects: Object.fromEntries(rows.map((r) => [r.name, r.bytes])),
    };
  } finally {
    db.close();
  }
}

/** Every `step`-th UID of the INBOX that is not flagged yet, `count` of them. */
export function unflaggedUids(profileDir: string, count: number): number[] {
  const db = new Database(path.join(profileDir, 'mail.db'), { readonly: true, fileMustExist: true });
  try {
    const uids = db
      .prepare(
        `SELECT m.uid FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
         WHERE b.path = 'INBOX' AND m.flagged = 0 AND m.uid IS NOT NULL ORDER BY m.uid`,
      )
      .pluck()
      .all() as number[];
    const step = uids.length / count;
    return Array.from({ length: Math.min(count, uids.length) }, (_, i) => uids[Math.floor(i * step)]!);
  } finally {
    db.close();
  }
}
