// Opens the SQLite cache: WAL, foreign keys, and the migrations up to this build's version.
import Database from 'better-sqlite3';
import { migrations, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The mail database at ${path} was written by a newer version of this app (schema ${found}; ` +
        `this version understands up to ${supported}). It was left untouched: update the app to open it.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function openDatabase(path: string): Db {
  const db = new Database(path);
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    // Refuse before touching anything: not even the journal mode of a newer database changes.
    if (found > SCHEMA_VERSION) throw new NewerDatabaseError(path, found, SCHEMA_VERSION);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only power loss may drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Sorts and temp b-trees of large syncs in memory, not in a temp file.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    // A row rewritten in place (an account's sealed password, a message's text) leaves its old
    // bytes in the page's free space unless they are zeroed; FAST zeroes them at no extra I/O.
    db.pragma('secure_delete = FAST');
    migrate(db, found);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `fn` as a write transaction: BEGIN IMMEDIATE, so it waits for the write lock before its
 * first read. The header writer thread commits from its own connection (header-writer.ts), and
 * a deferred transaction that read before such a commit cannot write after it
 * (SQLITE_BUSY_SNAPSHOT, which no busy timeout retries). Nested, it is a savepoint.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

function migrate(db: Db, from: number): void {
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

/**
 * Writes the write-ahead log back into the database file and empties it: after a secure delete
 * the log still holds the pages as they were before, deleted content included.
 */
export function emptyWriteAheadLog(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
