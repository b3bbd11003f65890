// Cached bodies and attachments: what makes an opened message readable offline.
import type { Address, AttachmentInfo, MessageBody, MessageId } from '../../../shared/domain';
import { writeTransaction, type Db } from './database';

interface BodyRow {
  html: string | null;
  text: string | null;
  bcc_json: string;
  reply_to_json: string;
  references_json: string;
}

/** Bytes of attachments and inline images kept for offline opening, all messages together. */
export const ATTACHMENT_CACHE_BYTES = 256 * 1024 * 1024;

interface AttachmentRow {
  part: string;
  filename: string;
  content_type: string;
  size: number;
  content_id: string | null;
  inline: number;
}

export class BodiesRepo {
  constructor(private readonly db: Db) {}

  get(messageId: MessageId): MessageBody | null {
    const row = this.db
      .prepare(
        `SELECT b.html, b.text, b.bcc_json, b.reply_to_json, b.references_json, m.in_reply_to
         FROM message_bodies b JOIN messages m ON m.id = b.message_id WHERE b.message_id = ?`,
      )
      .get(messageId) as (BodyRow & { in_reply_to: string | null }) | undefined;
    if (!row) return null;
    return {
      messageId,
      html: row.html,
      text: row.text,
      attachments: this.attachments(messageId),
      bcc: JSON.parse(row.bcc_json) as Address[],
      replyTo: JSON.parse(row.reply_to_json) as Address[],
      inReplyTo: row.in_reply_to,
      references: JSON.parse(row.references_json) as string[],
    };
  }

  /** `senderHeaders`: the sender checks' header fields fetched with the body, or null (not fetched). */
  put(body: MessageBody, senderHeaders: string | null = null): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO message_bodies (message_id, html, text, bcc_json, reply_to_json, references_json, fetched_at, sender_headers)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          body.messageId,
          body.html,
          body.text,
          JSON.stringify(body.bcc),
          JSON.stringify(body.replyTo),
          JSON.stringify(body.references),
          Date.now(),
          senderHeaders,
        );
      this.putAttachments(body.messageId, body.attachments);
    });
  }

  /**
   * The sender checks' header block stored with the message's body; null when there is no body,
   * or it came without them (stored before migration 26, or from a POP3 message's source).
   */
  senderHeaders(messageId: MessageId): string | null {
    const row = this.db.prepare('SELECT sender_headers FROM message_bodies WHERE message_id = ?').get(messageId) as
      { sender_headers: string | null } | undefined;
    return row?.sender_headers ?? null;
  }

  putAttachments(messageId: MessageId, attachments: readonly AttachmentInfo[]): void {
    const stmt = this.db.prepare(
      `INSERT INTO attachments (message_id, part, filename, content_type, size, content_id, inline)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (message_id, part) DO UPDATE SET filename = excluded.filename,
         content_type = excluded.content_type, size = excluded.size, content_id = excluded.content_id,
         inline = excluded.inline`,
    );
    for (const a of attachments)
      stmt.run(messageId, a.part, a.filename, a.contentType, a.size, a.contentId, a.inline ? 1 : 0);
  }

  attachments(messageId: MessageId): AttachmentInfo[] {
    const rows = this.db
      .prepare(
        'SELECT part, filename, content_type, size, content_id, inline FROM attachments WHERE message_id = ? ORDER BY rowid',
      )
      .all(messageId) as AttachmentRow[];
    return rows.map((r) => ({
      part: r.part,
      filename: r.filename,
      contentType: r.content_type,
      size: r.size,
      contentId: r.content_id,
      inline: r.inline === 1,
    }));
  }

  /** The cached bytes of a part, or null; a read makes it the most recently used. */
  attachmentData(messageId: MessageId, part: string): Buffer | null {
    const row = this.db
      .prepare('SELECT data FROM attachments WHERE message_id = ? AND part = ?')
      .get(messageId, part) as { data: Buffer | null } | undefined;
    if (row?.data)
      this.db
        .prepare('UPDATE attachments SET data_used_at = ? WHERE message_id = ? AND part = ?')
        .run(this.tick(), messageId, part);
    return row?.data ?? null;
  }

  /**
   * Caches a part's bytes, then forgets the least recently used ones until all cached bytes fit
   * the budget: every attachment and inline image ever opened would otherwise stay forever.
   */
  cacheAttachmentData(
    messageId: MessageId,
    part: string,
    data: Buffer,
    budgetBytes: number = ATTACHMENT_CACHE_BYTES,
  ): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare('UPDATE attachments SET data = ?, data_used_at = ? WHERE message_id = ? AND part = ?')
        .run(data, this.tick(), messageId, part);
      const cached = this.db
        .prepare(
          'SELECT rowid, length(data) AS bytes FROM attachments WHERE data IS NOT NULL ORDER BY data_used_at DESC',
        )
        .all() as { rowid: number; bytes: number }[];
      const forget = this.db.prepare('UPDATE attachments SET data = NULL, data_used_at = 0 WHERE rowid = ?');
      let kept = 0;
      for (const row of cached) {
        kept += row.bytes;
        if (kept > budgetBytes) forget.run(row.rowid);
      }
    });
  }

  /** Milliseconds, but strictly increasing, so two uses in the same millisecond keep their order. */
  private tick(): number {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return this.lastTick;
  }

  private lastTick = 0;
}
