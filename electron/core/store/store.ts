// The local cache as one object: the database and its repositories.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AccountsRepo } from './accounts-repo';
import { AuthservRepo } from './authserv-repo';
import { BodiesRepo } from './bodies-repo';
import type { StartupNotice } from '../../../shared/domain';
import { openProfileDatabase } from './cache-recovery';
import { writeTransaction, type Db } from './database';
import { FlagWriter } from './flag-writer';
import { HeaderWriter } from './header-writer';
import { MailboxesRepo } from './mailboxes-repo';
import { MessagesRepo } from './messages-repo';
import { OfflineBodiesRepo } from './offline-bodies-repo';
import { PendingOpsRepo } from './pending-ops-repo';
import { POP3_COPY_FILE_NAME, updatePop3Copy } from './pop3-copy';
import { Pop3Repo } from './pop3-repo';
import { Pop3Writer } from './pop3-writer';
import { lockProfile } from './profile-lock';
import { USER_DATA_FILE_NAME, userDataCounter, writeUserDataBackup } from './user-data-backup';

/** How often the user-data copy is brought up to date, when something in it changed. */
export const USER_DATA_BACKUP_INTERVAL_MS = 60_000;

export class Store {
  readonly accounts: AccountsRepo;
  readonly mailboxes: MailboxesRepo;
  readonly messages: MessagesRepo;
  readonly bodies: BodiesRepo;
  readonly pendingOps: PendingOpsRepo;
  /** POP3 accounts and what was downloaded from their servers. */
  readonly pop3: Pop3Repo;
  /** The offline-bodies job's work list and each account's period. */
  readonly offlineBodies: OfflineBodiesRepo;
  readonly authserv: AuthservRepo;
  /** Header sync's large batches, written from a thread of their own (header-writer.ts). */
  readonly headerWriter: HeaderWriter;
  /** A resync's many flag changes, written from a thread of their own (flag-writer.ts). */
  readonly flagWriter: FlagWriter;
  /** A POP3 download's batches, written from a thread of their own (pop3-writer.ts). */
  readonly pop3Writer: Pop3Writer;
  private readonly backupTimer: NodeJS.Timeout;
  private backedUpAt: number;

  private constructor(
    readonly db: Db,
    private readonly dataDir: string,
    /** What start-up found (a damaged cache set aside...), for the UI to tell the user. */
    readonly notices: readonly StartupNotice[],
    private readonly unlock: () => void,
    private readonly log?: (message: string) => void,
  ) {
    // opening wrote the copy; from here on it is behind only when the counter moves
    this.backedUpAt = userDataCounter(db);
    this.backupTimer = setInterval(() => this.backUpUserData(), USER_DATA_BACKUP_INTERVAL_MS);
    this.backupTimer.unref();
    this.headerWriter = new HeaderWriter(db.name, log);
    this.flagWriter = new FlagWriter(db.name, log);
    this.pop3Writer = new Pop3Writer(db.name, log);
    this.accounts = new AccountsRepo(db);
    this.mailboxes = new MailboxesRepo(db);
    this.messages = new MessagesRepo(db);
    this.bodies = new BodiesRepo(db);
    this.pendingOps = new PendingOpsRepo(db);
    this.pop3 = new Pop3Repo(
      db,
      () => this.updatePop3Copy(),
      {
        // the thread that writes the download's batches copies its log too, once they are in
        warmUp: () => this.pop3Writer.begin(),
        checkpoint: () => {
          if (!this.pop3Writer.end()) this.checkpointElsewhere();
        },
      },
      this.pop3Writer,
    );
    this.offlineBodies = new OfflineBodiesRepo(db);
    this.authserv = new AuthservRepo(db);
  }

  /** `log`: told when the header writer thread cannot be used (its batches then go to the main connection). */
  static open(dataDir: string, log?: (message: string) => void): Store {
    mkdirSync(dataDir, { recursive: true });
    const unlock = lockProfile(dataDir);
    try {
      const { db, notices } = openProfileDatabase(dataDir);
      return new Store(db, dataDir, notices, unlock, log);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Runs `fn` in one write transaction: sync saves its state together with the changes it covers. */
  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  /**
   * A write transaction that rewrites pages all over the database (a resync's flag changes: 2,373
   * rows of a 250,000-message INBOX made 11,785 pages, 46 MB of log), committed without SQLite's
   * automatic checkpoint, which copied them into the database file on this thread before the
   * commit returned: 190-230 ms of the engine's thread in a reopen's resync. The header writer
   * thread copies them instead; without it, the next commit here does, as before. Synchronous from
   * start to end, so no other hold of the checkpoints (pop3-repo.ts) begins or ends inside it.
   */
  bulkTransaction<T>(fn: () => T): T {
    const every = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    // held already (a POP3 download): whoever holds them checkpoints at the end
    if (every === 0) return this.transaction(fn);
    this.db.pragma('wal_autocheckpoint = 0');
    // loading its SQLite takes the thread a while: done meanwhile, not after the commit, when
    // this thread's next commit could find the log still uncopied and copy it itself
    this.headerWriter.warmUp();
    let result: T;
    try {
      result = this.transaction(fn);
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${every}`);
    }
    this.headerWriter.checkpoint();
    return result;
  }

  /**
   * Copies the write-ahead log into the database file on the header writer thread (PASSIVE), or
   * here when there is no thread. The copy ends in the file's fsync: on the thread, this one does
   * not wait for the disk.
   */
  checkpointElsewhere(): void {
    if (!this.headerWriter.checkpoint()) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /**
   * Copies accounts, drafts, the outbox... to user-data.db if they changed since the last copy.
   * A failure (a full disk) keeps the previous copy and is only logged: the next round tries again.
   */
  backUpUserData(): void {
    // SQLite cannot ATTACH inside a transaction; the next round (or close) makes the copy
    if (this.db.inTransaction) return;
    try {
      if (userDataCounter(this.db) !== this.backedUpAt)
        this.backedUpAt = writeUserDataBackup(this.db, path.join(this.dataDir, USER_DATA_FILE_NAME));
    } catch (error) {
      this.log?.(`The copy of your accounts and drafts could not be updated: ${(error as Error).message}`);
    }
    try {
      this.updatePop3Copy();
    } catch (error) {
      this.log?.(`The copy of your POP3 mail could not be updated: ${(error as Error).message}`);
    }
  }

  /**
   * Brings pop3-mail.db up to date (pop3-copy.ts). Throws when it cannot: a download calls it
   * before it removes anything from the server, and removes nothing then.
   */
  updatePop3Copy(): void {
    updatePop3Copy(this.db, path.join(this.dataDir, POP3_COPY_FILE_NAME));
  }

  close(): void {
    clearInterval(this.backupTimer);
    this.backUpUserData();
    this.headerWriter.close();
    this.flagWriter.close();
    this.pop3Writer.close();
    this.db.close();
    this.unlock();
  }
}
