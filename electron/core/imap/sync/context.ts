// What every sync step of one mailbox shares: the selected client, the stored mailbox, and the
// change set the steps fill in and the engine announces once at the end.
import type { FetchQueryObject, ImapFlow } from 'imapflow';
import type { MessageId } from '../../../../shared/domain';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import type { FetchThread } from './fetch-thread';

/** More connections for the rest of a large first sync (split-fetch.ts); see extra-connections.ts. */
export interface ExtraFetch {
  /** At most this many besides the work connection. */
  connections: number;
  /** Only when at least this many messages are still to fetch: a login costs more than a small rest. */
  minMessages: number;
  /** A logged-in thread with `path` examined, or null when no more may or can be opened. */
  open(path: string, uidValidity: string, query: FetchQueryObject): Promise<FetchThread | null>;
  log?(message: string): void;
}

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
  /** Absent: the work connection alone. */
  extraFetch?: ExtraFetch;
  /**
   * A resync's flag changes still being written elsewhere (streamed-flags.ts): every write of the
   * new mail waits for them, since the sync state it saves covers them too.
   */
  writesAfter?: Promise<void>;
}

export function emptyChanges(): MailboxChanges {
  return { added: [], removed: [], updated: [] };
}
