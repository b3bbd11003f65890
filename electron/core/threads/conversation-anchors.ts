// Deep windows of the conversation list without walking its date index from the top every time,
// as store/list-anchors.ts does for messages: the sort key (date, newest_id) of every STRIDE-th
// conversation of a folder is remembered once found, and a window seeks to the one at or before
// its offset. The keys are valid while the folder's heads are unchanged: conversation_counts'
// version (bumped by the triggers on every change of the folder's heads) and data_version
// (another connection's commit) say so, so no writer has to remember to drop them.
import type { Statement } from 'better-sqlite3';
import type { MailboxId } from '../../../shared/domain';
import type { Db } from '../store/database';

/** Conversations between anchors: a window walks fewer than this many index entries. */
export const CONVERSATION_ANCHOR_STRIDE = 500;

interface Anchored {
  version: number;
  dataVersion: number;
  /** keys[k] is the (date, newest_id) of the conversation at position (k + 1) * STRIDE. */
  keys: [date: number, id: number][];
  complete: boolean;
}

export class ConversationAnchors {
  private readonly byMailbox = new Map<MailboxId, Anchored>();
  private readonly dataVersion: Statement;
  private readonly version: Statement;
  private readonly first: Statement;
  private readonly next: Statement;

  constructor(private readonly db: Db) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.version = db.prepare('SELECT version FROM conversation_counts WHERE mailbox_id = ?').pluck();
    this.first = db
      .prepare(
        `SELECT date, newest_id FROM conversation_heads WHERE mailbox_id = ?
         ORDER BY date DESC, newest_id DESC LIMIT 1 OFFSET ?`,
      )
      .raw();
    this.next = db
      .prepare(
        `SELECT date, newest_id FROM conversation_heads WHERE mailbox_id = ? AND (date, newest_id) <= (?, ?)
         ORDER BY date DESC, newest_id DESC LIMIT 1 OFFSET ?`,
      )
      .raw();
  }

  /** The anchor at or before `offset` (its key and position), or null (first stride, a transaction open). */
  seek(mailboxId: MailboxId, offset: number): { date: number; id: number; position: number } | null {
    const k = Math.floor(offset / CONVERSATION_ANCHOR_STRIDE);
    if (k === 0 || this.db.inTransaction) return null;
    const dataVersion = this.dataVersion.get() as number;
    const version = (this.version.get(mailboxId) as number | undefined) ?? 0;
    let anchored = this.byMailbox.get(mailboxId);
    if (!anchored || anchored.version !== version || anchored.dataVersion !== dataVersion) {
      anchored = { version, dataVersion, keys: [], complete: false };
      this.byMailbox.set(mailboxId, anchored);
    }
    const { keys } = anchored;
    while (keys.length < k && !anchored.complete) {
      const last = keys[keys.length - 1];
      const row = (
        last
          ? this.next.get(mailboxId, last[0], last[1], CONVERSATION_ANCHOR_STRIDE)
          : this.first.get(mailboxId, CONVERSATION_ANCHOR_STRIDE)
      ) as [number, number] | undefined;
      if (row) keys.push(row);
      else anchored.complete = true;
    }
    const found = Math.min(k, keys.length);
    const key = keys[found - 1];
    return key ? { date: key[0], id: key[1], position: found * CONVERSATION_ANCHOR_STRIDE } : null;
  }
}
