// What the server cannot give back, copied out of the cache: accounts (with their sealed
// passwords and, for POP3 ones, their server and options), drafts and their attachments, the
// outbox, trusted certificates, the senders whose remote images load, the accounts' other
// addresses (identities) and the contacts the user made. mail.db is mostly a cache that sync
// rebuilds; if it is ever lost to corruption, these rows are restored from user-data.db into a
// fresh one (cache-recovery.ts).
// docs/security.md says why a copy and not a second live database. POP3 mail, which the server may
// no longer have either, has a durable copy of its own, updated in place (pop3-copy.ts).
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { NewerDatabaseError, type Db } from './database';
import { SCHEMA_VERSION } from './migrations';

/** In foreign-key order: a row's parent is restored before it. */
export const USER_DATA_TABLES = [
  'accounts',
  // without it a restored POP3 account would come back as IMAP (its mail: pop3-copy.ts)
  'pop3_accounts',
  // the authserv-id the user told the sender checks to trust (learned ones come back by themselves)
  'account_authserv_ids',
  'drafts',
  'draft_blobs',
  'outbox',
  'certificate_pins',
  'remote_content_senders',
  'identities',
  'contacts',
] as const;

type UserDataTable = (typeof USER_DATA_TABLES)[number];

/**
 * Tables of which only part is the user's. contacts: the rows the user added, renamed, imported
 * or removed (a removed one stays removed), with what the user set. The rest is what the harvest
 * counted in the cached mail: restored, it would be counted twice when the harvest walks the
 * re-synced cache, which gives the harvested contacts and their counts back by itself.
 */
const PART_COPIED: Partial<Record<UserDataTable, string>> = {
  contacts: 'SELECT address, name, added_by_user, removed FROM main.contacts WHERE added_by_user = 1 OR removed = 1',
};

export const USER_DATA_FILE_NAME = 'user-data.db';

/** The triggers' counter (migration 11): it moves whenever one of the tables above changes. */
export function userDataCounter(db: Db): number {
  const row = db.prepare('SELECT counter FROM user_data_changes WHERE id = 1').get() as { counter: number };
  return row.counter;
}

/**
 * Writes the copy to a temporary file and renames it over the old one, so a failure half-way
 * (a full disk, a crash) leaves the previous copy whole. Returns the counter the copy is at.
 */
export function writeUserDataBackup(db: Db, file: string): number {
  const temporary = `${file}.writing`;
  rmSync(temporary, { force: true });
  db.prepare('ATTACH DATABASE ? AS backup').run(temporary);
  try {
    // one read transaction: the copy is of a single moment, the counter included
    const counter = db.transaction(() => {
      for (const table of USER_DATA_TABLES)
        db.exec(`CREATE TABLE backup.${table} AS ${PART_COPIED[table] ?? `SELECT * FROM main.${table}`}`);
      const at = userDataCounter(db);
      db.pragma(`backup.user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
      return at;
    })();
    db.exec('DETACH DATABASE backup');
    renameSync(temporary, file);
    return counter;
  } catch (error) {
    if (db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'backup'").get()) db.exec('DETACH DATABASE backup');
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Whether `file` is a readable copy: a damaged one is set aside and written again. */
export function isUsableBackup(file: string): boolean {
  if (!existsSync(file)) return false;
  let copy: Db | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    return copy.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    copy?.close();
  }
}

/**
 * Refuses a copy written by a newer version of the app: restored into this older schema, what
 * only that version knows would be dropped, and the copy then written again without it.
 */
export function refuseNewerBackup(file: string): void {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const found = copy.pragma('user_version', { simple: true }) as number;
    if (found > SCHEMA_VERSION) throw new NewerDatabaseError(file, found, SCHEMA_VERSION);
  } finally {
    copy.close();
  }
}

/**
 * Copies every row of the backup into a freshly created (empty) database, column by column
 * where both have the column: a copy written by an older schema restores what it has.
 * Returns how many rows each table got back.
 */
export function restoreUserData(db: Db, file: string): Record<string, number> {
  const restored: Record<string, number> = {};
  db.prepare('ATTACH DATABASE ? AS backup').run(file);
  try {
    db.transaction(() => {
      for (const table of USER_DATA_TABLES) {
        const saved = columns(db, 'backup', table);
        if (saved.length === 0) continue;
        const shared = columns(db, 'main', table).filter((name) => saved.includes(name));
        const list = shared.map((name) => `"${name}"`).join(', ');
        restored[table] = db
          .prepare(`INSERT INTO main.${table} (${list}) SELECT ${list} FROM backup.${table}`)
          .run().changes;
      }
    })();
  } finally {
    db.exec('DETACH DATABASE backup');
  }
  return restored;
}

function columns(db: Db, schema: string, table: string): string[] {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[];
  return rows.map((row) => row.name);
}
