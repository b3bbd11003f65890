// What every sync step of one mailbox shares: the selected client, the stored mailbox, and the
// change set the steps fill in and the engine announces once at the end.
import type { ImapFlow } from 'imapflow';
import type { MessageId } from '../../../../shared/domain';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';

export interface MailboxChanges {
  added: MessageId[];
  removed: MessageId[];
  updated: MessageId[];
}

export interface SelectedMailbox {
  uidValidity: string;
  uidNext: number;
  exists: number;
  /** null when the server has no CONDSTORE for this mailbox. */
  highestModseq: string | null;
}

export interface SyncContext {
  client: ImapFlow;
  store: Store;
  box: MailboxRecord;
  server: SelectedMailbox;
  changes: MailboxChanges;
  /** Header batches are announced as they land, so the list fills while the sync goes on. */
  onBatch(added: MessageId[], done: number, total: number): void;
  hasAttachments(structure: unknown): boolean;
  /** Without CONDSTORE: compare the flags of every message (the default), or only the newest (flag-changes.ts). */
  allFlags?: boolean;
  /** The account syncs headers from this day on (sync-since); null or absent: all of them. */
  since?: Date | null;
}

export function emptyChanges(): MailboxChanges {
  return { added: [], removed: [], updated: [] };
}
