// Reading conversations: windows of conversation rows (conversation_heads, kept by the triggers
// of the conversations migration, walked through its date index like the message list), the
// messages of one conversation across folders, and the members an action applies to.
import type { Statement } from 'better-sqlite3';
import type { ConversationRow } from '../../../shared/contract-conversations';
import type { Address, MailboxId, MessageHeader, MessageId } from '../../../shared/domain';
import type { Db } from '../store/database';
import { HEADER_COLUMNS, toHeader, type MessageRow } from '../store/messages-repo';

/** Senders a row names at most: the list shows a few names, then the count. */
export const MAX_PARTICIPANTS = 4;
/** Messages of a conversation read for a row's senders and total: a longer one counts as this many. */
const MEMBER_SCAN = 500;

interface HeadRow extends MessageRow {
  conversation_id: number;
  head_count: number;
  head_unread: number;
  head_flagged: number;
}

const HEAD_COLUMNS = `h.conversation_id, h.count AS head_count, h.unread AS head_unread, h.flagged AS head_flagged`;

// The page's heads come from the date index alone, then their newest messages' rows.
const WINDOW = `SELECT ${HEAD_COLUMNS}, ${HEADER_COLUMNS}
  FROM (SELECT * FROM conversation_heads WHERE mailbox_id = ?
        ORDER BY date DESC, newest_id DESC LIMIT ? OFFSET ?) h
  JOIN messages m ON m.id = h.newest_id JOIN mailboxes b ON b.id = m.mailbox_id
  ORDER BY h.date DESC, h.newest_id DESC`;

export class ConversationsRepo {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private cached(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /** How many conversations a folder has. */
  count(mailboxId: MailboxId): number {
    return this.cached('SELECT COUNT(*) FROM conversation_heads WHERE mailbox_id = ?').pluck().get(mailboxId) as number;
  }

  /** A window of a folder's conversations, the newest conversation first. */
  window(mailboxId: MailboxId, offset: number, limit: number): ConversationRow[] {
    const rows = this.cached(WINDOW).all(mailboxId, limit, offset) as HeadRow[];
    return rows.map((row) => this.toRow(row));
  }

  /**
   * A window over several folders at once (the unified views): each folder's newest offset +
   * limit heads through its date index, and only those merged.
   */
  windowAcross(mailboxIds: readonly MailboxId[], offset: number, limit: number): ConversationRow[] {
    if (mailboxIds.length === 0) return [];
    const each = `SELECT * FROM conversation_heads WHERE mailbox_id = ? ORDER BY date DESC, newest_id DESC LIMIT ?`;
    const union = mailboxIds.map(() => `SELECT * FROM (${each})`).join(' UNION ALL ');
    const sql = `SELECT ${HEAD_COLUMNS}, ${HEADER_COLUMNS}
      FROM (SELECT * FROM (${union}) ORDER BY date DESC, newest_id DESC LIMIT ? OFFSET ?) h
      JOIN messages m ON m.id = h.newest_id JOIN mailboxes b ON b.id = m.mailbox_id
      ORDER BY h.date DESC, h.newest_id DESC`;
    const rows = this.cached(sql).all(...mailboxIds.flatMap((id) => [id, offset + limit]), limit, offset) as HeadRow[];
    return rows.map((row) => this.toRow(row));
  }

  private toRow(row: HeadRow): ConversationRow {
    // the same messages the stacked pane shows: not those in Trash or Junk, each Message-ID once
    const members = this.cached(
      `SELECT m.message_id, m.from_json FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
       WHERE m.conversation_id = ? AND (m.mailbox_id = ? OR b.role IS NULL OR b.role NOT IN ('trash', 'junk'))
       ORDER BY m.date, m.id LIMIT ${MEMBER_SCAN}`,
    ).all(row.conversation_id, row.mailbox_id) as { message_id: string | null; from_json: string }[];
    const participants: Address[] = [];
    const senders = new Set<string>();
    const messageIds = new Set<string>();
    let total = 0;
    for (const member of members) {
      if (member.message_id !== null) {
        if (messageIds.has(member.message_id)) continue;
        messageIds.add(member.message_id);
      }
      total++;
      if (participants.length === MAX_PARTICIPANTS) continue;
      const [from] = JSON.parse(member.from_json) as Address[];
      const key = from ? (from.address || from.name).toLowerCase() : '';
      if (!from || senders.has(key)) continue;
      senders.add(key);
      participants.push(from);
    }
    return {
      ...toHeader(row),
      conversation: {
        id: row.conversation_id,
        count: row.head_count,
        total: Math.max(total, row.head_count),
        unread: row.head_unread,
        flagged: row.head_flagged > 0,
        participants,
      },
    };
  }

  /**
   * The messages of a conversation, oldest first: every folder of the account but Trash and
   * Junk (a message deleted from the conversation is gone from it), unless the folder on screen
   * is one of those. A Message-ID stored twice (a copy in All Mail, a duplicate delivery) is shown
   * once, the copy in the folder on screen preferred, else the first stored.
   */
  messages(conversationId: number, mailboxId: MailboxId): MessageHeader[] {
    const rows = this.cached(
      `SELECT ${HEADER_COLUMNS} FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
       WHERE m.conversation_id = ?
         AND (m.mailbox_id = ? OR b.role IS NULL OR b.role NOT IN ('trash', 'junk'))
       ORDER BY m.date, m.id`,
    ).all(conversationId, mailboxId) as MessageRow[];
    const byMessageId = new Map<string, MessageRow>();
    const kept: MessageRow[] = [];
    for (const row of rows) {
      if (row.message_id === null) {
        kept.push(row);
        continue;
      }
      const earlier = byMessageId.get(row.message_id);
      if (!earlier) {
        byMessageId.set(row.message_id, row);
        kept.push(row);
      } else if (row.mailbox_id === mailboxId && earlier.mailbox_id !== mailboxId) {
        kept[kept.indexOf(earlier)] = row;
        byMessageId.set(row.message_id, row);
      }
    }
    return kept.map(toHeader);
  }

  /** The messages of these conversations in these folders, newest first. */
  memberIds(rows: readonly { id: number; mailboxId: MailboxId }[]): MessageId[] {
    const stmt = this.cached(
      'SELECT id FROM messages WHERE conversation_id = ? AND mailbox_id = ? ORDER BY date DESC, id DESC',
    ).pluck();
    const ids: MessageId[] = [];
    for (const row of rows) ids.push(...(stmt.all(row.id, row.mailboxId) as number[]));
    return ids;
  }
}
