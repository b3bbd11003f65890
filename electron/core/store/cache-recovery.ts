// Opens mail.db, and when SQLite says the file is not a database or is damaged, sets it aside
// (renamed, never deleted: it may still be worth something to the user or to a bug report),
// starts a fresh one, puts back what user-data.db kept and the POP3 mail pop3-mail.db kept, and
// says so. Sync then fills the fresh cache from the server. A damaged user-data.db is set aside the same way and written again.
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { StartupNotice } from '../../../shared/domain';
import { openDatabase, type Db } from './database';
import { POP3_COPY_FILE_NAME, restorePop3Copy, updatePop3Copy } from './pop3-copy';
import {
  isUsableBackup,
  refuseNewerBackup,
  restoreUserData,
  USER_DATA_FILE_NAME,
  writeUserDataBackup,
} from './user-data-backup';

export const DATABASE_FILE_NAME = 'mail.db';

export interface OpenedProfileDatabase {
  db: Db;
  /** What happened on the way, for the UI to tell the user (empty on a normal start). */
  notices: StartupNotice[];
}

/** SQLite's answers for a file that is not (or no longer) a sound database. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

export function openProfileDatabase(dataDir: string, now: () => Date = () => new Date()): OpenedProfileDatabase {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  const backup = path.join(dataDir, USER_DATA_FILE_NAME);
  const notices: StartupNotice[] = [];

  if (existsSync(backup) && !isUsableBackup(backup)) {
    const kept = setAside(backup, now());
    notices.push({ kind: 'backup-damaged', keptAs: path.basename(kept) });
  }

  // mail.db gone (deleted as "only a cache", lost with its folder's other files) while the copy
  // is there: the fresh one gets the user's data back before the copy is written from it
  const missing = !existsSync(file) && isUsableBackup(backup);
  if (missing) refuseNewerBackup(backup);
  let db: Db;
  try {
    db = openDatabase(file);
    // fails here, not later, when the page holding the schema is the damaged one
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (!isCorruption(error)) throw error;
    db = rebuild(file, backup, now(), notices);
  }
  // (a rebuild, for a new file that is somehow damaged already, has restored the copy itself)
  if (missing && !notices.some((notice) => notice.kind === 'cache-rebuilt')) {
    restoreUserData(db, backup);
    restorePop3Mail(db, path.join(path.dirname(file), POP3_COPY_FILE_NAME));
    notices.push({ kind: 'cache-missing' });
  }
  // a start is also a moment the copy is brought up to date (and a missing one made)
  try {
    writeUserDataBackup(db, backup);
  } catch (error) {
    if (!isCorruption(error)) {
      // a full disk: the older copy stays, the app still starts, the user is told
      notices.push({ kind: 'backup-failed' });
      return { db, notices };
    }
    // a damaged page among the user's own tables: the last good copy is all there is
    db.close();
    db = rebuild(file, backup, now(), notices);
    writeUserDataBackup(db, backup);
  }
  return { db, notices };
}

function rebuild(file: string, backup: string, at: Date, notices: StartupNotice[]): Db {
  const restored = isUsableBackup(backup);
  // before anything is moved: a copy this version cannot restore leaves the profile as it is
  if (restored) refuseNewerBackup(backup);
  const kept = path.basename(setAside(file, at));
  const db = openDatabase(file);
  if (restored) {
    restoreUserData(db, backup);
    restorePop3Mail(db, path.join(path.dirname(file), POP3_COPY_FILE_NAME));
  }
  notices.push({ kind: 'cache-rebuilt', keptAs: kept, restored });
  return db;
}

/** POP3 mail back from its own copy, which is then written again under the new rows' ids. */
function restorePop3Mail(db: Db, copy: string): void {
  // a damaged copy is set aside like the others, and written again from what there is
  if (existsSync(copy) && !isUsableBackup(copy)) setAside(copy, new Date());
  restorePop3Copy(db, copy);
  updatePop3Copy(db, copy);
}

/** Renames `file` (and a WAL and shared-memory file beside it) to `<file>.damaged-<time>`. */
function setAside(file: string, at: Date): string {
  const kept = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, kept);
  // a write-ahead log left beside a new database would be replayed into it
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, kept + suffix);
  }
  return kept;
}
