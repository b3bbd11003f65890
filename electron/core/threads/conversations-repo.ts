// Reading conversations: windows of conversation rows (conversation_heads, kept by the triggers
// of the conversations migration, walked through its date index like the message list), the
// messages of one conversation across folders, and the members an action applies to.
import type { Statement } from 'better-sqlite3';
import type { ConversationRow } from '../../../shared/contract-conversations';
import type { Address, MailboxId, MessageHeader } from '../../../shared/domain';
import type { Db } from '../store/database';
import { statementCache } from '../store/statement-cache';
import { HEADER_COLUMNS, toHeader, type MessageRow } from '../store/messages-repo';
import { ConversationAnchors, CONVERSATION_ANCHOR_STRIDE } from './conversation-anchors';

/** Senders a row names at most: the list shows a few names, then the count. */
export const MAX_PARTICIPANTS = 4;

interface HeadRow extends MessageRow {
  conversation_id: number;
  head_count: number;
  head_unread: number;
  head_flagged: number;
}

/** Counts a member into its conversation's whole, its sender too while there is room. */
function add(whole: Whole, member: MemberRow): void {
  if (member.message_id !== null) {
    if (whole.messageIds.has(member.message_id)) return;
    whole.messageIds.add(member.message_id);
  }
  whole.total++;
  if (whole.participants.length === MAX_PARTICIPANTS) return;
  const [from] = JSON.parse(member.from_json) as Address[];
  if (!from) return;
  const key = (from.address || from.name).toLowerCase();
  if (whole.participants.some((known) => (known.address || known.name).toLowerCase() === key)) return;
  whole.participants.push(from);
}

const HEAD_COLUMNS = `h.conversation_id, h.count AS head_count, h.unread AS head_unread, h.flagged AS head_flagged`;

// The page's keys come from the date index alone (a covering walk), then their heads and newest
// messages: the walk past OFFSET reads nothing else.
const windowOf = (direction: 'ASC' | 'DESC', from = '') => `SELECT ${HEAD_COLUMNS}, ${HEADER_COLUMNS}
  FROM (SELECT conversation_id, date, newest_id FROM conversation_heads WHERE mailbox_id = ? ${from}
        ORDER BY date ${direction}, newest_id ${direction} LIMIT ? OFFSET ?) w
  JOIN conversation_heads h ON h.mailbox_id = ? AND h.conversation_id = w.conversation_id
  JOIN messages m ON m.id = w.newest_id JOIN mailboxes b ON b.id = m.mailbox_id
  ORDER BY w.date DESC, w.newest_id DESC`;
const WINDOW_FROM_TOP = windowOf('DESC');
/** Counted from the oldest conversation: OFFSET = the conversations below the window. */
const WINDOW_FROM_BOTTOM = windowOf('ASC');
/** Counted from an anchor's (date, newest_id): OFFSET = the conversations between it and the window. */
const WINDOW_FROM_ANCHOR = windowOf('DESC', 'AND (date, newest_id) <= (?, ?)');

interface MemberRow {
  conversation_id: number;
  mailbox_id: number;
  message_id: string | null;
  from_json: string;
}

/** What a row says of its whole conversation beyond the folder: its senders and its total. */
interface Whole {
  participants: Address[];
  total: number;
  messageIds: Set<string>;
}

export class ConversationsRepo {
  private readonly cached: (sql: string) => Statement;
  private readonly anchors: ConversationAnchors;

  constructor(private readonly db: Db) {
    this.cached = statementCache(db);
    this.anchors = new ConversationAnchors(db);
  }

  /** How many conversations a folder has (kept by the triggers on conversation_heads). */
  count(mailboxId: MailboxId): number {
    return (this.cached('SELECT count FROM conversation_counts WHERE mailbox_id = ?').pluck().get(mailboxId) ??
      0) as number;
  }

  /**
   * A window of a folder's conversations, the newest conversation first. Like the message list's
   * window, the walk past the offset stays short: from the top near the top, from the oldest
   * conversation near the bottom, and from the nearest remembered anchor in between.
   */
  window(mailboxId: MailboxId, offset: number, limit: number): ConversationRow[] {
    const total = this.count(mailboxId);
    if (offset >= total) return [];
    const below = Math.max(0, total - offset - limit);
    const run = (sql: string, ...params: unknown[]) => this.toRows(this.cached(sql).all(...params) as HeadRow[]);
    if (offset < CONVERSATION_ANCHOR_STRIDE) return run(WINDOW_FROM_TOP, mailboxId, limit, offset, mailboxId);
    const fromBottom = () => run(WINDOW_FROM_BOTTOM, mailboxId, Math.min(limit, total - offset), below, mailboxId);
    if (below < CONVERSATION_ANCHOR_STRIDE) return fromBottom();
    const anchor = this.anchors.seek(mailboxId, offset);
    if (anchor)
      return run(WINDOW_FROM_ANCHOR, mailboxId, anchor.date, anchor.id, limit, offset - anchor.position, mailboxId);
    return offset <= below ? run(WINDOW_FROM_TOP, mailboxId, limit, offset, mailboxId) : fromBottom();
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
    return this.toRows(
      this.cached(sql).all(...mailboxIds.flatMap((id) => [id, offset + limit]), limit, offset) as HeadRow[],
    );
  }

  /**
   * Search hits (newest first) as conversations: one row per conversation hit, standing for its
   * newest hit, in the order of those; a hit not threaded yet stands alone. `total` counts rows.
   */
  searchRows(hits: readonly MessageHeader[], offset: number, limit: number): { total: number; rows: MessageHeader[] } {
    if (hits.length === 0) return { total: 0, rows: [] };
    const conversationOf = new Map(
      (
        this.cached('SELECT id, conversation_id FROM messages WHERE id IN (SELECT value FROM json_each(?))')
          .raw()
          .all(JSON.stringify(hits.map((hit) => hit.id))) as [number, number | null][]
      ).map(([id, conversation]) => [id, conversation]),
    );
    const seen = new Set<number>();
    const firsts: MessageHeader[] = [];
    for (const hit of hits) {
      const conversation = conversationOf.get(hit.id) ?? null;
      if (conversation !== null) {
        if (seen.has(conversation)) continue;
        seen.add(conversation);
      }
      firsts.push(hit);
    }
    const head = this.cached(
      'SELECT count, unread, flagged FROM conversation_heads WHERE mailbox_id = ? AND conversation_id = ?',
    );
    const page = firsts.slice(offset, offset + limit);
    const heads: HeadRow[] = [];
    const rows: MessageHeader[] = [];
    for (const hit of page) {
      const conversation = conversationOf.get(hit.id) ?? null;
      const counts =
        conversation === null
          ? undefined
          : (head.get(hit.mailboxId, conversation) as { count: number; unread: number; flagged: number } | undefined);
      if (conversation === null || !counts) {
        rows.push(hit);
        continue;
      }
      heads.push({
        ...this.rowOf(hit),
        conversation_id: conversation,
        head_count: counts.count,
        head_unread: counts.unread,
        head_flagged: counts.flagged,
      });
      rows.push(hit);
    }
    const asConversations = new Map(this.toRows(heads).map((row) => [row.id, row]));
    return { total: firsts.length, rows: rows.map((row) => asConversations.get(row.id) ?? row) };
  }

  /** The stored row of a header already read (toRows reads rows, not headers). */
  private rowOf(header: MessageHeader): MessageRow {
    return this.cached(
      `SELECT ${HEADER_COLUMNS} FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id WHERE m.id = ?`,
    ).get(header.id) as MessageRow;
  }

  /**
   * The page's rows with their whole conversations, read in one statement for the page: the
   * messages the stacked pane shows (not those in Trash or Junk, each Message-ID once).
   */
  private toRows(rows: HeadRow[]): ConversationRow[] {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((row) => row.conversation_id))];
    const hidden = new Set(
      this.cached("SELECT id FROM mailboxes WHERE role IN ('trash', 'junk')").pluck().all() as number[],
    );
    const members = this.cached(
      `SELECT conversation_id, mailbox_id, message_id, from_json FROM messages
       WHERE conversation_id IN (SELECT value FROM json_each(?)) ORDER BY conversation_id, date, id`,
    ).all(JSON.stringify(ids)) as MemberRow[];
    const wholes = new Map<number, Map<MailboxId, Whole>>();
    for (const row of rows) {
      let byFolder = wholes.get(row.conversation_id);
      if (!byFolder) wholes.set(row.conversation_id, (byFolder = new Map()));
      byFolder.set(row.mailbox_id, { participants: [], total: 0, messageIds: new Set() });
    }
    for (const member of members)
      for (const [mailboxId, whole] of wholes.get(member.conversation_id) ?? [])
        if (member.mailbox_id === mailboxId || !hidden.has(member.mailbox_id)) add(whole, member);
    return rows.map((row) => {
      const whole = wholes.get(row.conversation_id)!.get(row.mailbox_id)!;
      return {
        ...toHeader(row),
        conversation: {
          id: row.conversation_id,
          count: row.head_count,
          total: Math.max(whole.total, row.head_count),
          unread: row.head_unread,
          flagged: row.head_flagged > 0,
          participants: whole.participants,
        },
      };
    });
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
  members(rows: readonly { id: number; mailboxId: MailboxId }[]): MessageHeader[] {
    const stmt = this.cached(
      `SELECT ${HEADER_COLUMNS} FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
       WHERE m.conversation_id = ? AND m.mailbox_id = ? ORDER BY m.date DESC, m.id DESC`,
    );
    const seen = new Set<string>();
    const out: MessageHeader[] = [];
    for (const row of rows) {
      const key = `${row.id}:${row.mailboxId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(...(stmt.all(row.id, row.mailboxId) as MessageRow[]).map(toHeader));
    }
    return out;
  }
}
