// One transaction's worth of a POP3 download, written the same way by the store's own connection
// (Pop3Repo.storeDownloaded) and by the download's writer thread (pop3-writer.ts): the bytes of
// messages whose header came first (TOP), and messages that came whole with their row and UIDL,
// so a UIDL is never recorded for a message whose bytes are not in the same commit.
import type { AccountId, MailboxId } from '../../../shared/domain';
import type { HeaderRow, HeaderStatements, writeHeaderRows } from './header-rows';

/**
 * The bytes of a message whose row came earlier, as a batch holds them until its commit is
 * answered. A class and not an object literal, as WholeMessage says.
 */
export class BodyBytes {
  constructor(
    readonly uidl: string,
    readonly raw: Buffer,
  ) {}
}

/**
 * A message that came whole, as a batch holds it until its commit is answered. A class and not an
 * object literal: a batch waits for its commit past a scavenge, so V8 saw the literal's objects
 * survive and began allocating them in the old generation (allocation-site pretenuring, which
 * follows literals, not classes), where each then held its young row and bytes until the next full
 * collection. Measured on the bench's 10,000 messages (figure p, four downloads each way): the old
 * generation grew 12-15 MB a download with a mark-compact in it, and 2-4 MB with none as a class;
 * V8's helper threads, which collect in parallel, used 154 → 103 ms of CPU (medians).
 */
export class WholeMessage {
  constructor(
    readonly uidl: string,
    readonly headerHash: string,
    /** The row's uid (index 1) is given when it is written, after the Inbox's highest. */
    readonly row: HeaderRow,
    readonly raw: Buffer,
  ) {}
}

/** One transaction's worth of a download: bytes for rows already stored, and messages that came whole. */
export interface Pop3WriteBatch {
  accountId: AccountId;
  inbox: MailboxId;
  now: number;
  bodies: { uidl: string; raw: Buffer }[];
  /** The row's uid (index 1) is given when it is written, after the Inbox's highest. */
  whole: { uidl: string; headerHash: string; row: HeaderRow; raw: Buffer }[];
}

export const POP3_BATCH_SQL = {
  rowOfUidl: 'SELECT message_row FROM pop3_messages WHERE account_id = ? AND uidl = ?',
  topUid: 'SELECT COALESCE(MAX(uid), 0) AS uid FROM messages WHERE mailbox_id = ?',
  /** A UIDL recorded with the row its message is stored under. */
  recordUidl: `INSERT INTO pop3_messages (account_id, uidl, message_row, header_hash, downloaded_at)
  VALUES (?, ?, ?, ?, ?)`,
  /** The bytes of a message whose row came earlier (a TOP'd header; a second RETR replaces them). */
  replaceRaw: 'INSERT OR REPLACE INTO pop3_raw (message_row, raw) VALUES (?, ?)',
  /**
   * A message's source under its row, which was made in the same transaction: a plain INSERT, as
   * it has no bytes to replace, and REPLACE's search for a row to delete first is work for nothing.
   */
  insertRaw: 'INSERT INTO pop3_raw (message_row, raw) VALUES (?, ?)',
} as const;

/** POP3_BATCH_SQL and HEADER_SQL, prepared on the connection that writes. */
export interface Pop3BatchStatements {
  rowOfUidl: { get(...params: unknown[]): unknown };
  topUid: { get(...params: unknown[]): unknown };
  recordUidl: { run(...params: unknown[]): unknown };
  replaceRaw: { run(...params: unknown[]): unknown };
  insertRaw: { run(...params: unknown[]): unknown };
  header: HeaderStatements;
}

/**
 * Writes `batch` inside the caller's transaction; the ids of the whole messages' rows, in order.
 * Self-contained, since its source also runs in the writer thread: it names nothing outside
 * itself and is handed writeHeaderRows (whose source the thread has too).
 */
export function writePop3Batch(
  statements: Pop3BatchStatements,
  writeRows: typeof writeHeaderRows,
  batch: Pop3WriteBatch,
): number[] {
  for (const m of batch.bodies) {
    const found = statements.rowOfUidl.get(batch.accountId, m.uidl) as { message_row: number | null } | undefined;
    // deleted here while its body was on the way: nothing to keep it for
    if (found && found.message_row !== null) statements.replaceRaw.run(found.message_row, m.raw);
  }
  if (batch.whole.length === 0) return [];
  let uid = (statements.topUid.get(batch.inbox) as { uid: number }).uid;
  const rows = batch.whole.map((w) => {
    // a copy: the batch may be written again elsewhere should this transaction fail
    const row = w.row.slice() as HeaderRow;
    row[1] = ++uid;
    return row;
  });
  const ids = writeRows(statements.header, batch.inbox, rows);
  for (let i = 0; i < batch.whole.length; i++) {
    const w = batch.whole[i]!;
    statements.recordUidl.run(batch.accountId, w.uidl, ids[i], w.headerHash, batch.now);
    statements.insertRaw.run(ids[i], w.raw);
  }
  return ids;
}
