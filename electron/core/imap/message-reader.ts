// Opening a message: its body and attachments come from the cache, or are fetched (only the
// parts BODYSTRUCTURE points at) on the account's on-demand connection and cached, so body
// requests never wait behind a long sync on the work connection.
import type { ImapFlow } from 'imapflow';
import type {
  AccountId,
  AttachmentData,
  AttachmentInfo,
  MailboxId,
  MessageBody,
  MessageId,
} from '../../../shared/domain';
import { isImageContentType } from '../../../shared/inline-image-types';
import { refuseOversizedAttachment } from '../attachment-size';
import { MAX_SHOWN_SOURCE_BYTES, sourceText } from '../message-source';
import { notFound, toServiceError } from '../service-error';
import type { MailboxRecord } from '../store/mailboxes-repo';
import type { Store } from '../store/store';
import { fetchBody } from './body/fetch-body';
import { fetchPart } from './body/fetch-part';
import { planBody } from './body/structure';
import type { OnDemandClient } from './on-demand-client';
import { parseReferences, toAddresses } from './sync/header-fields';

export interface MessageReaderDeps {
  store: Store;
  /** The account's on-demand connection; throws not-found for an account that is not running. */
  onDemand(accountId: AccountId): OnDemandClient;
  /** The folder; throws not-found when it is gone. */
  mailbox(mailboxId: MailboxId): MailboxRecord;
  /** A body was cached: the search indexer has text to add. */
  bodyCached(): void;
  /**
   * Header fields fetched with every body and stored beside it (the sender checks' fields,
   * sender/sender-info.ts): message.senderInfo then answers from the cache, not with a FETCH of
   * its own on the on-demand connection for each message opened.
   */
  senderHeaderFields?: readonly string[];
  /** A body that failed offline was fetched after the connection came back. */
  bodyLoaded?(id: MessageId): void;
}

/**
 * The References field of a fetched header block that may hold other fields too, folded lines
 * included: parseReferences takes every <id> it sees, and a List-Unsubscribe <https://...> is not one.
 */
export function referencesField(block: Buffer | undefined): Buffer | undefined {
  if (!block) return undefined;
  const field = /^references:.*(?:\r?\n[ \t].*)*/im.exec(block.toString('latin1'));
  return field ? Buffer.from(field[0], 'latin1') : undefined;
}

/** Inline images fetched with a body, at most this many (declared, encoded) bytes a message. */
const INLINE_PREFETCH_BYTES = 512 * 1024;

/** Bodies remembered per account for loading when it is back online: the last few opened. */
const MAX_WAITING_BODIES = 20;

/**
 * The on-demand connection keeps its mailbox selected between opens: re-selecting a large
 * mailbox costs Dovecot far more than the FETCH itself. UIDs stay valid while UIDVALIDITY does.
 */
async function selectForReading(client: ImapFlow, path: string, uidValidity: string | null): Promise<void> {
  const current = client.mailbox;
  if (current && current.path === path && (uidValidity === null || String(current.uidValidity) === uidValidity)) return;
  await client.mailboxOpen(path, { readOnly: true });
}

export class MessageReader {
  /** Bodies the user opened while the account was offline, by account. */
  private readonly waiting = new Map<AccountId, Set<MessageId>>();

  constructor(private readonly deps: MessageReaderDeps) {}

  async body(id: MessageId): Promise<MessageBody> {
    const { store } = this.deps;
    const cached = store.bodies.get(id);
    if (cached) return cached;
    const { uid, mailboxId, structure } = this.located(id);
    try {
      return await this.fetchBody(id, uid, mailboxId, structure);
    } catch (error) {
      // No failure is kept: the next open asks the server again. But the one the user saw fail
      // for want of a connection is loaded when the account is back, so it can be read later.
      if ((error as { code?: string }).code === 'offline') this.remember(mailboxId, id);
      throw error;
    }
  }

  /**
   * Opens the account's on-demand connection and selects `mailboxId` for reading, in the
   * background, before the user opens a message there. Opened on first use instead, the first
   * body, sender check or inline image the user waits on paid the login and the SELECT of the
   * whole mailbox: 2.5 to 3.3 s in the bench's figure r (a 100k INBOX, another account's first
   * sync starting on the same server), and every request queued behind it, the next message's
   * inline image among them (a j press of 1.5 s). Failures are left to the first real request.
   */
  readyForReading(mailboxId: MailboxId): void {
    void this.readFromServer(mailboxId, async () => undefined).catch(() => undefined);
  }

  /** The account is online again: load the bodies that failed meanwhile, and say so. */
  async accountOnline(accountId: AccountId): Promise<void> {
    const ids = [...(this.waiting.get(accountId) ?? [])];
    this.waiting.delete(accountId);
    for (const id of ids) {
      const loaded = await this.body(id).then(
        () => true,
        () => false, // offline again (remembered again), or the message is gone
      );
      if (loaded) this.deps.bodyLoaded?.(id);
    }
  }

  private remember(mailboxId: MailboxId, id: MessageId): void {
    const accountId = this.deps.store.mailboxes.get(mailboxId)?.accountId;
    if (!accountId) return;
    const set = this.waiting.get(accountId) ?? new Set<MessageId>();
    set.delete(id);
    set.add(id);
    while (set.size > MAX_WAITING_BODIES) set.delete(set.values().next().value!);
    this.waiting.set(accountId, set);
  }

  private async fetchBody(id: MessageId, uid: number, mailboxId: MailboxId, structure: unknown): Promise<MessageBody> {
    const { store } = this.deps;
    return this.readFromServer(mailboxId, async (client) => {
      const fetched = await fetchBody(client, uid, structure);
      const senderFields = this.deps.senderHeaderFields ?? [];
      const extra = await client.fetchOne(
        String(uid),
        { envelope: true, headers: ['references', ...senderFields] },
        { uid: true },
      );
      if (!extra) throw notFound('The message');
      const body: MessageBody = {
        messageId: id,
        html: fetched.html,
        text: fetched.text,
        attachments: planBody(structure).attachments,
        bcc: toAddresses(extra.envelope?.bcc),
        replyTo: toAddresses(extra.envelope?.replyTo),
        inReplyTo: extra.envelope?.inReplyTo ?? null,
        references: parseReferences(referencesField(extra.headers)),
      };
      store.bodies.put(body, senderFields.length ? (extra.headers?.toString('latin1') ?? '') : null);
      this.deps.bodyCached();
      this.fetchInlineImages(id, uid, mailboxId, body.attachments);
      return store.bodies.get(id) ?? body;
    });
  }

  /**
   * The inline (cid:) images of a body just fetched, cached right after it on the same
   * connection: they are part of what the reading pane shows, which otherwise asked for each
   * with a FETCH of its own when the message was opened or read ahead, queued behind whatever
   * else that connection had to do (bench figure r: 2.3 to 3.3 s during a 100k first sync).
   * A body read offline later shows them too. Images only, since the pane shows nothing else
   * inline, and small ones only (INLINE_PREFETCH_BYTES a message); a failure leaves them to be
   * fetched when asked for, as before.
   */
  private fetchInlineImages(
    id: MessageId,
    uid: number,
    mailboxId: MailboxId,
    attachments: readonly AttachmentInfo[],
  ): void {
    const wanted: AttachmentInfo[] = [];
    let bytes = 0;
    for (const a of attachments)
      if (a.inline && isImageContentType(a.contentType) && a.size > 0 && bytes + a.size <= INLINE_PREFETCH_BYTES) {
        wanted.push(a);
        bytes += a.size;
      }
    if (!wanted.length) return;
    const { store } = this.deps;
    void this.readFromServer(mailboxId, async (client) => {
      for (const a of wanted) {
        if (store.bodies.attachmentData(id, a.part)) continue;
        const data = await fetchPart(client, uid, a.part);
        if (data.length <= INLINE_PREFETCH_BYTES) store.bodies.cacheAttachmentData(id, a.part, data);
      }
    }).catch(() => undefined);
  }

  async attachment(id: MessageId, part: string): Promise<AttachmentData> {
    const { store } = this.deps;
    const { uid, mailboxId, structure } = this.located(id);
    const info = planBody(structure).attachments.find((a) => a.part === part);
    if (!info) throw notFound('The attachment');
    let data = store.bodies.attachmentData(id, part);
    if (!data) {
      refuseOversizedAttachment(info.filename, info.size);
      // cached meanwhile by the FETCH of its body (fetchInlineImages), queued ahead of this one
      data = await this.readFromServer(
        mailboxId,
        async (client) => store.bodies.attachmentData(id, part) ?? fetchPart(client, uid, part),
      );
      refuseOversizedAttachment(info.filename, data.length); // the declared size may have lied
      store.bodies.putAttachments(id, [info]);
      store.bodies.cacheAttachmentData(id, part, data);
    }
    return { filename: info.filename, contentType: info.contentType, dataBase64: data.toString('base64') };
  }

  /** The first MAX_SHOWN_SOURCE_BYTES of the raw message, as text, for "Show source". */
  async source(id: MessageId): Promise<{ source: string; truncated: boolean }> {
    const { uid, mailboxId } = this.located(id);
    const raw = await this.readFromServer(mailboxId, async (client) => {
      const response = await client.fetchOne(
        String(uid),
        { source: { start: 0, maxLength: MAX_SHOWN_SOURCE_BYTES + 1 } },
        { uid: true },
      );
      if (!response) throw notFound('The message');
      return response.source ?? Buffer.alloc(0);
    });
    const truncated = raw.length > MAX_SHOWN_SOURCE_BYTES;
    return { source: sourceText(raw.subarray(0, MAX_SHOWN_SOURCE_BYTES)), truncated };
  }

  /**
   * The whole raw message, for saving it as an .eml file. The server's RFC822.SIZE is checked
   * first, so an enormous message is refused before a byte of it is downloaded.
   */
  async raw(id: MessageId, cap: number): Promise<Buffer> {
    const { uid, mailboxId } = this.located(id);
    return this.readFromServer(mailboxId, async (client) => {
      const sized = await client.fetchOne(String(uid), { size: true }, { uid: true });
      if (!sized) throw notFound('The message');
      refuseOversizedAttachment('The message', sized.size ?? 0, cap);
      const response = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!response) throw notFound('The message');
      const raw = response.source ?? Buffer.alloc(0);
      refuseOversizedAttachment('The message', raw.length, cap); // the declared size may have lied
      return raw;
    });
  }

  /** The named header fields of a message, as the server has them (HEADER.FIELDS), folded lines and all. */
  async headerFields(id: MessageId, names: readonly string[]): Promise<string> {
    const { uid, mailboxId } = this.located(id);
    return this.readFromServer(mailboxId, async (client) => {
      const response = await client.fetchOne(String(uid), { headers: [...names] }, { uid: true });
      if (!response) throw notFound('The message');
      return response.headers?.toString('latin1') ?? '';
    });
  }

  /** Where a message's parts live on the server, and its BODYSTRUCTURE. */
  private located(id: MessageId): { uid: number; mailboxId: number; structure: unknown } {
    const row = this.deps.store.messages.bodystructure(id);
    if (!row || row.uid === null) throw notFound('The message');
    return {
      uid: row.uid,
      mailboxId: row.mailboxId,
      structure: row.bodystructure ? JSON.parse(row.bodystructure) : null,
    };
  }

  /** Runs `task` on the account's on-demand connection with the mailbox selected for reading. */
  private async readFromServer<T>(mailboxId: number, task: (client: ImapFlow) => Promise<T>): Promise<T> {
    const box = this.deps.mailbox(mailboxId);
    try {
      return await this.deps.onDemand(box.accountId).use(async (client) => {
        await selectForReading(client, box.path, box.sync.uidValidity);
        return task(client);
      });
    } catch (error) {
      throw toServiceError(error, this.deps.store.accounts.get(box.accountId)?.imap.host);
    }
  }
}
