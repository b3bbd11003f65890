// The local cache as one object: the database and its repositories.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AccountsRepo } from './accounts-repo';
import { BodiesRepo } from './bodies-repo';
import { openDatabase, writeTransaction, type Db } from './database';
import { HeaderWriter } from './header-writer';
import { MailboxesRepo } from './mailboxes-repo';
import { MessagesRepo } from './messages-repo';
import { PendingOpsRepo } from './pending-ops-repo';
import { lockProfile } from './profile-lock';

export class Store {
  readonly accounts: AccountsRepo;
  readonly mailboxes: MailboxesRepo;
  readonly messages: MessagesRepo;
  readonly bodies: BodiesRepo;
  readonly pendingOps: PendingOpsRepo;
  /** Header sync's large batches, written from a thread of their own (header-writer.ts). */
  readonly headerWriter: HeaderWriter;

  private constructor(
    readonly db: Db,
    private readonly unlock: () => void,
    log?: (message: string) => void,
  ) {
    this.headerWriter = new HeaderWriter(db.name, log);
    this.accounts = new AccountsRepo(db);
    this.mailboxes = new MailboxesRepo(db);
    this.messages = new MessagesRepo(db);
    this.bodies = new BodiesRepo(db);
    this.pendingOps = new PendingOpsRepo(db);
  }

  /** `log`: told when the header writer thread cannot be used (its batches then go to the main connection). */
  static open(dataDir: string, log?: (message: string) => void): Store {
    mkdirSync(dataDir, { recursive: true });
    const unlock = lockProfile(dataDir);
    try {
      return new Store(openDatabase(path.join(dataDir, 'mail.db')), unlock, log);
    } catch (error) {
      unlock();
      throw error;
    }
  }

  /** Runs `fn` in one write transaction: sync saves its state together with the changes it covers. */
  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  close(): void {
    this.headerWriter.close();
    this.db.close();
    this.unlock();
  }
}
