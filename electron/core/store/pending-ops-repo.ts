// The persistent queue of local actions the server has not seen yet (RFC 4549 replay).
import type { AccountId, MailboxId } from '../../../shared/domain';
import type { Db } from './database';

export interface PendingOp<P = unknown> {
  id: number;
  accountId: AccountId;
  kind: string;
  payload: P;
  attempts: number;
}

export class PendingOpsRepo {
  /**
   * Ops whose command is on its way to the server right now. Kept in memory, not in the table:
   * a restart ends every replay. A later action must not rewrite such an op (move.ts).
   */
  private readonly replaying = new Set<number>();

  constructor(private readonly db: Db) {}

  replayStarted(id: number): void {
    this.replaying.add(id);
  }

  replayEnded(id: number): void {
    this.replaying.delete(id);
  }

  isReplaying(id: number): boolean {
    return this.replaying.has(id);
  }

  /** Queues an op and pins the (mailbox, uid) pairs it touches against sync overwriting them. */
  enqueue(
    accountId: AccountId,
    kind: string,
    payload: unknown,
    touches: { mailboxId: MailboxId; uid: number }[],
  ): number {
    const { id } = this.db
      .prepare('INSERT INTO pending_ops (account_id, kind, payload, created_at) VALUES (?, ?, ?, ?) RETURNING id')
      .get(accountId, kind, JSON.stringify(payload), Date.now()) as { id: number };
    const pin = this.db.prepare('INSERT OR IGNORE INTO pending_op_messages (op_id, mailbox_id, uid) VALUES (?, ?, ?)');
    for (const t of touches) pin.run(id, t.mailboxId, t.uid);
    return id;
  }

  /** Oldest first: replay order is the order the user acted in. */
  list(accountId: AccountId): PendingOp[] {
    const rows = this.db
      .prepare('SELECT id, account_id, kind, payload, attempts FROM pending_ops WHERE account_id = ? ORDER BY id')
      .all(accountId) as { id: number; account_id: string; kind: string; payload: string; attempts: number }[];
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as unknown,
      attempts: r.attempts,
    }));
  }

  count(accountId?: AccountId): number {
    const row = (
      accountId === undefined
        ? this.db.prepare('SELECT COUNT(*) AS n FROM pending_ops').get()
        : this.db.prepare('SELECT COUNT(*) AS n FROM pending_ops WHERE account_id = ?').get(accountId)
    ) as { n: number };
    return row.n;
  }

  updatePayload(id: number, payload: unknown): void {
    this.db.prepare('UPDATE pending_ops SET payload = ? WHERE id = ?').run(JSON.stringify(payload), id);
  }

  unpin(opId: number, mailboxId: MailboxId, uid: number): void {
    this.db
      .prepare('DELETE FROM pending_op_messages WHERE op_id = ? AND mailbox_id = ? AND uid = ?')
      .run(opId, mailboxId, uid);
  }

  done(id: number): void {
    this.db.prepare('DELETE FROM pending_ops WHERE id = ?').run(id);
  }

  failedAttempt(id: number, error: string): void {
    this.db.prepare('UPDATE pending_ops SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
  }

  /** (mailbox, uid) pairs that local ops removed from a mailbox: sync must not bring them back. */
  isPinned(mailboxId: MailboxId, uid: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM pending_op_messages WHERE mailbox_id = ? AND uid = ?').get(mailboxId, uid);
  }

  pinnedUids(mailboxId: MailboxId): Set<number> {
    const rows = this.db.prepare('SELECT uid FROM pending_op_messages WHERE mailbox_id = ?').raw().all(mailboxId) as [
      number,
    ][];
    return new Set(rows.map(([uid]) => uid));
  }
}
