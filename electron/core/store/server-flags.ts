// The server's flags written over a message's: one statement for both connections that write
// them, the store's own (MessagesRepo.applyServerFlags) and the flag writer thread (flag-writer.ts).
import type { MailboxId, MessageFlags } from '../../../shared/domain';

/** One message's flags as the server reports them (a FETCH FLAGS, CONDSTORE or not). */
export interface ServerFlagUpdate {
  uid: number;
  flags: MessageFlags;
  keywords?: readonly string[];
  /** Gmail's labels (X-GM-LABELS); absent where the server is not Gmail or was not asked. */
  gmailLabels?: readonly string[];
}

/** The bind values of SERVER_FLAGS_SQL: plain data, so they cross to a thread as they are. */
export interface ServerFlagParams {
  mailboxId: number;
  uid: number;
  seen: 0 | 1;
  flagged: 0 | 1;
  answered: 0 | 1;
  draft: 0 | 1;
  keywordsKnown: 0 | 1;
  keywords: string | null;
  labels: string | null;
}

// Only a message whose flags differ is written (a row rewritten touches every index that holds
// seen and flagged), and never one a pending local operation touches: the server has not seen
// that change yet. Gmail's labels: NULL (another server, or a FETCH that did not ask) leaves the
// stored ones as they are.
export const SERVER_FLAGS_SQL = `UPDATE messages SET seen = @seen, flagged = @flagged, answered = @answered, draft = @draft,
    keywords = CASE WHEN @keywordsKnown THEN @keywords ELSE keywords END,
    gmail_labels = COALESCE(@labels, gmail_labels)
  WHERE mailbox_id = @mailboxId AND uid = @uid
    AND (seen != @seen OR flagged != @flagged OR answered != @answered OR draft != @draft
         OR (@keywordsKnown AND keywords IS NOT @keywords)
         OR (@labels IS NOT NULL AND gmail_labels IS NOT @labels))
    AND NOT EXISTS (SELECT 1 FROM pending_op_messages p WHERE p.mailbox_id = @mailboxId AND p.uid = @uid)
  RETURNING id`;

/** Keywords as stored: sorted, once each, space separated; null for none. */
export function storedKeywords(keywords: Iterable<string>): string | null {
  const unique = [...new Set(keywords)].sort();
  return unique.length ? unique.join(' ') : null;
}

export function serverFlagParams(mailboxId: MailboxId, update: ServerFlagUpdate): ServerFlagParams {
  const { seen, flagged, answered, draft } = update.flags;
  return {
    mailboxId,
    uid: update.uid,
    seen: seen ? 1 : 0,
    flagged: flagged ? 1 : 0,
    answered: answered ? 1 : 0,
    draft: draft ? 1 : 0,
    keywordsKnown: update.keywords ? 1 : 0,
    keywords: update.keywords ? storedKeywords(update.keywords) : null,
    labels: update.gmailLabels ? JSON.stringify(update.gmailLabels) : null,
  };
}
