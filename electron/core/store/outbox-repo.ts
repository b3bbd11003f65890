// The outbox table: each message as it will go out (raw MIME and envelope, fixed when it was
// queued) and where it is on its way. Every state change is one conditional UPDATE, so a cancel
// and the sender racing for the same row cannot both win.
import type { AccountId } from '../../../shared/domain';
import type { OutboxItem, OutboxState, RejectedRecipient } from '../../../shared/compose';
import type { Db } from './database';

/** What SMTP is told: MAIL FROM and RCPT TO. Bcc recipients are here and nowhere in the message. */
export interface Envelope {
  from: string;
  to: string[];
}

/** States a row can have on disk; 'done' and 'cancelled' rows are deleted. */
export type StoredOutboxState = Extract<OutboxState, 'queued' | 'sending' | 'sent-smtp' | 'failed'>;

export interface OutboxRecord {
  id: number;
  accountId: AccountId;
  messageId: string;
  raw: Buffer;
  envelope: Envelope;
  state: StoredOutboxState;
  sendAfter: number;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  draftId: string | null;
  subject: string;
  /** Header lines put in front of the Sent copy only (the Bcc line). */
  sentHeaders: string;
  rejected: RejectedRecipient[];
  /** The time the user chose (send later), or null for a message sent now. */
  scheduledFor: number | null;
}

interface OutboxRow {
  id: number;
  account_id: string;
  message_id: string;
  raw: Buffer;
  envelope_json: string;
  state: StoredOutboxState;
  send_after: number;
  attempts: number;
  last_error: string | null;
  created_at: number;
  draft_id: string | null;
  subject: string;
  sent_headers: string;
  rejected_json: string;
  scheduled_for: number | null;
}

function toRecord(row: OutboxRow): OutboxRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    messageId: row.message_id,
    raw: row.raw,
    envelope: JSON.parse(row.envelope_json) as Envelope,
    state: row.state,
    sendAfter: row.send_after,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    draftId: row.draft_id,
    subject: row.subject,
    sentHeaders: row.sent_headers,
    rejected: JSON.parse(row.rejected_json) as RejectedRecipient[],
    scheduledFor: row.scheduled_for,
  };
}

/** The contract's view of a row: no bytes. */
export function toOutboxItem(record: OutboxRecord, state: OutboxState = record.state): OutboxItem {
  return {
    id: record.id,
    accountId: record.accountId,
    messageId: record.messageId,
    subject: record.subject,
    recipients: record.envelope.to,
    state,
    sendAt: record.sendAfter,
    attempts: record.attempts,
    error: record.lastError,
    rejected: record.rejected,
    draftId: record.draftId,
    createdAt: record.createdAt,
    scheduledFor: record.scheduledFor,
  };
}

export interface NewOutboxItem {
  accountId: AccountId;
  messageId: string;
  raw: Buffer;
  envelope: Envelope;
  sendAfter: number;
  draftId: string | null;
  subject: string;
  sentHeaders: string;
  /** Send later: the time the user chose (then also sendAfter). */
  scheduledFor?: number | null;
}

export class OutboxRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(item: NewOutboxItem): OutboxRecord {
    const { id } = this.db
      .prepare(
        `INSERT INTO outbox (account_id, message_id, raw, envelope_json, state, send_after, created_at, draft_id,
           subject, sent_headers, scheduled_for)
         VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        item.accountId,
        item.messageId,
        item.raw,
        JSON.stringify(item.envelope),
        item.sendAfter,
        this.now(),
        item.draftId,
        item.subject,
        item.sentHeaders,
        item.scheduledFor ?? null,
      ) as { id: number };
    return this.get(id)!;
  }

  get(id: number): OutboxRecord | null {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Every item, oldest first; without the raw bytes' weight mattering (lists are short). */
  list(accountId?: AccountId): OutboxRecord[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare('SELECT * FROM outbox ORDER BY id').all()
        : this.db.prepare('SELECT * FROM outbox WHERE account_id = ? ORDER BY id').all(accountId)
    ) as OutboxRow[];
    return rows.map(toRecord);
  }

  /** Ids of items of an account with work to do now, in the order they were queued. */
  dueIds(accountId: AccountId, now: number): number[] {
    return (
      this.db
        .prepare(
          `SELECT id FROM outbox WHERE account_id = ? AND state IN ('queued', 'sending', 'sent-smtp')
             AND send_after <= ? ORDER BY id`,
        )
        .raw()
        .all(accountId, now) as [number][]
    ).map(([id]) => id);
  }

  /** The earliest moment any item has work to do, or null. */
  nextDue(): number | null {
    const row = this.db
      .prepare(`SELECT MIN(send_after) AS t FROM outbox WHERE state IN ('queued', 'sending', 'sent-smtp')`)
      .get() as { t: number | null };
    return row.t;
  }

  accountsWithWork(): AccountId[] {
    return (
      this.db
        .prepare(`SELECT DISTINCT account_id FROM outbox WHERE state IN ('queued', 'sending', 'sent-smtp')`)
        .raw()
        .all() as [string][]
    ).map(([id]) => id);
  }

  /**
   * queued → sending, right before the message is handed to the server. False when the row is
   * no longer queued (the user took it back meanwhile): then nothing may be sent.
   */
  claim(id: number): boolean {
    return (
      this.db
        .prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'queued'`)
        .run(id).changes === 1
    );
  }

  /** sending → sent-smtp: the server took responsibility for the message. */
  markSentSmtp(id: number, rejected: RejectedRecipient[]): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'sent-smtp', send_after = ?, last_error = NULL, rejected_json = ?
         WHERE id = ? AND state = 'sending'`,
      )
      .run(this.now(), JSON.stringify(rejected), id);
  }

  /** Back to `state` to be tried again at `at` (a transient failure, or a resend after a crash). */
  retryAt(id: number, state: 'queued' | 'sending' | 'sent-smtp', at: number, error: string | null): void {
    this.db
      .prepare('UPDATE outbox SET state = ?, send_after = ?, last_error = ? WHERE id = ?')
      .run(state, at, error, id);
  }

  /** A failed attempt that never reached the server (connection, login): counts for the backoff. */
  countAttempt(id: number): number {
    const row = this.db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ? RETURNING attempts').get(id) as
      { attempts: number } | undefined;
    return row?.attempts ?? 0;
  }

  /** Refused for good; `refused`: the recipients the server turned away, each with its answer. */
  fail(id: number, error: string, refused: RejectedRecipient[] = []): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'failed', last_error = ?, rejected_json = ? WHERE id = ?`)
      .run(error, JSON.stringify(refused), id);
  }

  /** Takes a row back if nothing has been sent yet. Returns it, or null when it is too late. */
  takeBack(id: number): OutboxRecord | null {
    const row = this.db
      .prepare(`DELETE FROM outbox WHERE id = ? AND state IN ('queued', 'failed') RETURNING *`)
      .get(id) as OutboxRow | undefined;
    return row ? toRecord(row) : null;
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
  }

  /** outbox.retry: a failed item starts over; a waiting one goes now. */
  retryNow(id: number): boolean {
    const now = this.now();
    const failed = this.db
      .prepare(
        `UPDATE outbox SET state = 'queued', attempts = 0, send_after = ?, last_error = NULL, rejected_json = '[]'
         WHERE id = ? AND state = 'failed'`,
      )
      .run(now, id).changes;
    if (failed) return true;
    return (
      this.db
        .prepare(`UPDATE outbox SET send_after = ? WHERE id = ? AND state IN ('queued', 'sending', 'sent-smtp')`)
        .run(now, id).changes === 1
    );
  }

  /**
   * The account's connection is back: items waiting for a retry go now. Items still inside their
   * undo delay (never attempted) keep it: the user may still take them back. An item that waited
   * for a new password carries its reason (last_error) without an attempt: it goes too.
   */
  retryAccountNow(accountId: AccountId): void {
    this.db
      .prepare(
        `UPDATE outbox SET send_after = ? WHERE account_id = ? AND send_after > ?
           AND (attempts > 0 OR last_error IS NOT NULL OR state IN ('sending', 'sent-smtp'))`,
      )
      .run(this.now(), accountId, this.now());
  }
}
