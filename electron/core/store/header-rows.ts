// How header records become rows of `messages`, in one place for both writers: the store's own
// connection (MessagesRepo.insertHeaders) and the header writer thread (header-writer.ts).
import type { MailboxId } from '../../../shared/domain';
import type { HeaderRecord } from './messages-repo';

/** The bind values of HEADER_SQL.insert, in its column order. */
export type HeaderRow = [
  mailboxId: number,
  uid: number,
  messageId: string | null,
  subject: string,
  fromJson: string,
  toJson: string,
  ccJson: string,
  date: number,
  size: number,
  seen: 0 | 1,
  flagged: 0 | 1,
  answered: 0 | 1,
  draft: 0 | 1,
  keywords: string | null,
  hasAttachments: 0 | 1,
  threadKey: string,
  inReplyTo: string | null,
  bodystructure: string | null,
  addressesOmitted: number,
  threadRefs: string | null,
  /** Gmail's labels as a JSON array; null where the server is not Gmail. */
  gmailLabels: string | null,
];

export const HEADER_SQL = {
  // ON CONFLICT: a UID already stored (a resumed batch) is never duplicated; the refresh below
  // gives it the server's flags instead.
  insert: `INSERT INTO messages (mailbox_id, uid, message_id, subject, from_json, to_json, cc_json, date, size, seen,
     flagged, answered, draft, keywords, has_attachments, thread_key, in_reply_to, bodystructure, addresses_omitted,
     thread_refs, gmail_labels)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (mailbox_id, uid) DO NOTHING`,
  refresh: `UPDATE messages SET seen = ?, flagged = ?, answered = ?, draft = ?, keywords = ?,
     gmail_labels = COALESCE(?, gmail_labels)
   WHERE mailbox_id = ? AND uid = ? RETURNING id`,
  // No per-row trigger keeps these for inserts (migrations 8, 28): a batch adds its own.
  counts: `UPDATE mailboxes SET message_count = message_count + ?, unread_count = unread_count + ?,
     flagged_count = flagged_count + ? WHERE id = ?`,
} as const;

export function headerRow(mailboxId: MailboxId, h: HeaderRecord): HeaderRow {
  const { seen, flagged, answered, draft } = h.flags;
  return [
    mailboxId,
    h.uid,
    h.messageId,
    h.subject,
    JSON.stringify(h.from),
    JSON.stringify(h.to),
    JSON.stringify(h.cc),
    h.date,
    h.size,
    seen ? 1 : 0,
    flagged ? 1 : 0,
    answered ? 1 : 0,
    draft ? 1 : 0,
    h.keywords.length ? h.keywords.join(' ') : null,
    h.hasAttachments ? 1 : 0,
    h.threadKey,
    h.inReplyTo,
    h.bodystructure,
    h.addressesOmitted ?? 0,
    h.threadRefs ?? null,
    h.gmailLabels ? JSON.stringify(h.gmailLabels) : null,
  ];
}

/** The HEADER_SQL statements, prepared on the connection that writes. */
export interface HeaderStatements {
  insert: { run(row: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint } };
  refresh: { get(...params: unknown[]): unknown };
  counts: { run(...params: unknown[]): unknown };
}

/**
 * Writes rows (inside the caller's transaction) and returns the ids of every row, new or
 * already stored. Self-contained, since its source also runs in the writer thread: it names
 * nothing outside itself, and the indexes are HeaderRow's (1 uid, 9-13 seen..keywords, 20 labels).
 */
export function writeHeaderRows(statements: HeaderStatements, mailboxId: number, rows: readonly HeaderRow[]): number[] {
  const ids: number[] = [];
  let inserted = 0;
  let unread = 0;
  let flagged = 0;
  for (const row of rows) {
    const result = statements.insert.run(row);
    if (result.changes === 1) {
      ids.push(Number(result.lastInsertRowid));
      inserted++;
      if (row[9] === 0) unread++;
      if (row[10] === 1) flagged++;
    } else {
      const existing = statements.refresh.get(
        row[9],
        row[10],
        row[11],
        row[12],
        row[13],
        row[20],
        mailboxId,
        row[1],
      ) as { id: number } | undefined;
      if (existing) ids.push(existing.id);
    }
  }
  if (inserted) statements.counts.run(inserted, unread, flagged, mailboxId);
  return ids;
}
