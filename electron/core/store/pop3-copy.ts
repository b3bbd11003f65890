// The durable copy of POP3 mail: pop3-mail.db beside mail.db. For an IMAP account mail.db is a
// cache the server fills again; for a POP3 account it holds the only copy of every message the
// server no longer has. user-data.db cannot carry them: it is rewritten whole whenever a draft or
// a setting changes, and POP3 mail runs to gigabytes. This file is brought up to date in place
// instead: only what changed is written (new messages, a move, a flag, a delete). If mail.db is
// ever damaged, cache-recovery.ts builds the POP3 folders back from it (restorePop3Copy).
//
// What a row keeps is what the list row, the message and the download need: the columns of the
// row in `messages`, its local folder, its UIDL (so the server's copy is not downloaded again)
// and the whole message. A message deleted here leaves the copy at the next update (secure_delete,
// as mail.db); only its UIDL stays, with its header's hash, as long as mail.db keeps it (until the
// server no longer lists it): a server that still has the message (left on the server) would
// otherwise hand it back after a restore, and the user would find the deleted mail again.
import type { Db } from './database';
import { POP3_LOCAL_FOLDERS } from './pop3-repo';

export const POP3_COPY_FILE_NAME = 'pop3-mail.db';

/** The columns of `messages` the copy keeps, in HeaderRow order (header-rows.ts) minus mailbox and bodystructure. */
const ROW_COLUMNS = [
  'uid',
  'message_id',
  'subject',
  'from_json',
  'to_json',
  'cc_json',
  'date',
  'size',
  'seen',
  'flagged',
  'answered',
  'draft',
  'keywords',
  'has_attachments',
  'thread_key',
  'in_reply_to',
  'addresses_omitted',
  'thread_refs',
] as const;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS pop3copy.messages (
    message_row       INTEGER PRIMARY KEY,   -- the row's id in mail.db when copied
    account_id        TEXT NOT NULL,
    folder_path       TEXT NOT NULL,
    uidl              TEXT,                  -- NULL: made here (Sent) or forgotten by the server
    header_hash       TEXT,
    downloaded_at     INTEGER,
    ${ROW_COLUMNS.join(',\n    ')},  -- no declared type: stored exactly as mail.db has them
    raw               BLOB NOT NULL
  );
  CREATE TABLE IF NOT EXISTS pop3copy.deleted_uidls (   -- pop3_messages rows deleted here (no message_row)
    account_id        TEXT NOT NULL,
    uidl              TEXT NOT NULL,
    header_hash       TEXT NOT NULL,
    downloaded_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, uidl)
  );
`;

/** What mail.db holds now, one row per stored POP3 message, in the copy's columns. */
const CURRENT = `
  SELECT r.message_row, b.account_id, b.path AS folder_path, p.uidl, p.header_hash, p.downloaded_at,
    ${ROW_COLUMNS.map((c) => `m.${c}`).join(', ')}
  FROM main.pop3_raw r
  JOIN main.messages m ON m.id = r.message_row
  JOIN main.mailboxes b ON b.id = m.mailbox_id
  LEFT JOIN main.pop3_messages p ON p.message_row = r.message_row`;

/** Whether the profile has POP3 mail at all (an IMAP-only profile never opens the copy). */
function hasPop3(db: Db): boolean {
  return db.prepare('SELECT 1 FROM pop3_accounts LIMIT 1').get() !== undefined;
}

function attach(db: Db, file: string): void {
  db.prepare('ATTACH DATABASE ? AS pop3copy').run(file);
  db.pragma('pop3copy.secure_delete = FAST');
  db.exec(SCHEMA);
}

function detach(db: Db): void {
  if (db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'pop3copy'").get())
    db.exec('DETACH DATABASE pop3copy');
}

/**
 * Brings the copy up to date with mail.db's POP3 messages: new ones are added with their bytes,
 * moves and flags are updated, deleted ones removed. Outside any transaction (SQLite cannot ATTACH
 * inside one); the copy's own changes are one transaction, so a failure leaves it as it was.
 */
export function updatePop3Copy(db: Db, file: string): void {
  if (!hasPop3(db)) return;
  attach(db, file);
  try {
    db.transaction(() => {
      // gone here, or the id now names another message (SQLite reuses the highest id)
      db.exec(`DELETE FROM pop3copy.messages AS c WHERE NOT EXISTS (
        SELECT 1 FROM main.pop3_raw r JOIN main.messages m ON m.id = r.message_row
        WHERE r.message_row = c.message_row AND m.date IS c.date AND m.message_id IS c.message_id)`);
      const columns = [
        'message_row',
        'account_id',
        'folder_path',
        'uidl',
        'header_hash',
        'downloaded_at',
        ...ROW_COLUMNS,
      ];
      db.exec(`INSERT INTO pop3copy.messages (${columns.join(', ')}, raw)
        SELECT c.*, r.raw FROM (${CURRENT}) AS c JOIN main.pop3_raw r ON r.message_row = c.message_row
        WHERE NOT EXISTS (SELECT 1 FROM pop3copy.messages k WHERE k.message_row = c.message_row)`);
      const changing = [
        'folder_path',
        'uidl',
        'header_hash',
        'downloaded_at',
        'seen',
        'flagged',
        'answered',
        'keywords',
      ];
      db.exec(`UPDATE pop3copy.messages AS k SET ${changing.map((c) => `${c} = s.${c}`).join(', ')}
        FROM (${CURRENT}) AS s
        WHERE s.message_row = k.message_row AND (${changing.map((c) => `k.${c} IS NOT s.${c}`).join(' OR ')})`);
      // the UIDLs of messages deleted here, as mail.db has them now (forgotten once the server is)
      db.exec(`DELETE FROM pop3copy.deleted_uidls AS d WHERE NOT EXISTS (
        SELECT 1 FROM main.pop3_messages p
        WHERE p.account_id = d.account_id AND p.uidl = d.uidl AND p.message_row IS NULL)`);
      db.exec(`INSERT OR IGNORE INTO pop3copy.deleted_uidls (account_id, uidl, header_hash, downloaded_at)
        SELECT account_id, uidl, header_hash, downloaded_at FROM main.pop3_messages WHERE message_row IS NULL`);
    })();
  } finally {
    detach(db);
  }
}

/**
 * Puts the copy's messages into a fresh mail.db whose accounts (and pop3_accounts) came back
 * from user-data.db: each into its local folder (made again if the user had made it), with its
 * flags, its bytes and its UIDL, and the UIDLs of messages deleted here; the local folders every
 * POP3 account has are made first. Returns
 * how many messages came back. The copy's ids are then the old mail.db's: the update that follows
 * (cache-recovery.ts) writes it again from the new rows, in one transaction of its own.
 */
export function restorePop3Copy(db: Db, file: string): number {
  if (!hasPop3(db)) return 0;
  attach(db, file);
  let restored = 0;
  try {
    db.transaction(() => {
      const standard = db.prepare(
        `INSERT INTO main.mailboxes (account_id, path, name, parent_path, delimiter, role, synced_low_uid)
         VALUES (?, ?, ?, NULL, '/', ?, 1) ON CONFLICT (account_id, path) DO NOTHING`,
      );
      for (const { account_id } of db.prepare('SELECT account_id FROM main.pop3_accounts').all() as {
        account_id: string;
      }[])
        for (const f of POP3_LOCAL_FOLDERS) standard.run(account_id, f.path, f.name, f.role);
      const folder = db.prepare('SELECT id FROM main.mailboxes WHERE account_id = ? AND path = ?');
      const makeFolder = db.prepare(
        `INSERT INTO main.mailboxes (account_id, path, name, parent_path, delimiter, role, synced_low_uid)
         VALUES (?, ?, ?, ?, '/', NULL, 1)`,
      );
      const insert = db.prepare(
        `INSERT INTO main.messages (mailbox_id, ${ROW_COLUMNS.join(', ')}) VALUES (?, ${ROW_COLUMNS.map(() => '?').join(', ')})`,
      );
      const counts = db.prepare(
        `UPDATE main.mailboxes SET message_count = message_count + 1, unread_count = unread_count + ?,
           flagged_count = flagged_count + ? WHERE id = ?`,
      );
      const raw = db.prepare('INSERT INTO main.pop3_raw (message_row, raw) VALUES (?, ?)');
      const uidl = db.prepare(
        `INSERT OR IGNORE INTO main.pop3_messages (account_id, uidl, message_row, header_hash, downloaded_at)
         VALUES (?, ?, ?, ?, ?)`,
      );
      const rows = db
        .prepare(
          `SELECT k.* FROM pop3copy.messages k JOIN main.pop3_accounts a ON a.account_id = k.account_id
           ORDER BY k.account_id, k.folder_path, k.uid`,
        )
        .all() as Record<string, unknown>[];
      for (const row of rows) {
        const accountId = row.account_id as string;
        const path = row.folder_path as string;
        let found = folder.get(accountId, path) as { id: number } | undefined;
        if (!found) {
          const slash = path.lastIndexOf('/');
          makeFolder.run(accountId, path, path.slice(slash + 1), slash > 0 ? path.slice(0, slash) : null);
          found = folder.get(accountId, path) as { id: number };
        }
        const id = Number(insert.run(found.id, ...ROW_COLUMNS.map((c) => row[c])).lastInsertRowid);
        counts.run(row.seen === 0 ? 1 : 0, row.flagged === 1 ? 1 : 0, found.id);
        raw.run(id, row.raw);
        if (row.uidl !== null) uidl.run(accountId, row.uidl, id, row.header_hash, row.downloaded_at);
        restored++;
      }
      // deleted here: known to the download, so the server's copy is not brought in again
      db.exec(`INSERT OR IGNORE INTO main.pop3_messages (account_id, uidl, message_row, header_hash, downloaded_at)
        SELECT d.account_id, d.uidl, NULL, d.header_hash, d.downloaded_at FROM pop3copy.deleted_uidls d
        JOIN main.pop3_accounts a ON a.account_id = d.account_id`);
    })();
  } finally {
    detach(db);
  }
  return restored;
}
