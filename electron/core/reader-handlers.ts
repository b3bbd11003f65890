// The handlers of the reader's part of the contract (shared/contract-reader.ts): the raw
// message for saving as .eml, tags (IMAP keywords) through the offline queue, what is known of
// the sender (sender/), and leaving a mailing list. Spread into the service's table by service.ts.
import type { ComposeDraft } from '../../shared/compose';
import type { readerMethods } from '../../shared/contract-reader';
import { emlFileName } from '../../shared/eml-file-name';
import { MAX_ATTACHMENT_BYTES } from './attachment-size';
import type { MessageReader } from './imap/message-reader';
import { SENDER_HEADER_FIELDS, senderInfo, type SenderInfo } from './sender/sender-info';
import type { Operation } from './imap/ops/operation';
import { setKeywords } from './imap/ops/set-keywords';
import type { MethodHandlers } from './method-handlers';
import { notFound, ServiceError } from './service-error';
import { oneClickUnsubscribe, type OneClickResult } from './remote/one-click-unsubscribe';
import { loopbackAllowedForTests } from './remote/test-overrides';
import type { Store } from './store/store';

export interface ReaderHandlerDeps {
  store: Store;
  reader: Pick<MessageReader, 'raw' | 'headerFields'>;
  /** Queues a plain message in the outbox (the mailto: unsubscribe), sent at once. */
  sendPlain: (accountId: string, to: string, subject: string, body: string) => Promise<void>;
  /** The one-click POST (remote/one-click-unsubscribe.ts); tests may not replace it. */
  oneClick?: (url: string) => Promise<OneClickResult>;
  /** Runs an offline-capable action (the facade's MessageActions.apply). */
  apply: <I>(operation: Operation<I, unknown>, input: I) => { ok: true };
}

/** A new plain-text message from the account, empty: the mailto: unsubscribe fills it in. */
export function emptyPlainDraft(accountId: string): ComposeDraft {
  return {
    draftId: null,
    accountId,
    from: '',
    mode: 'new',
    originalId: null,
    to: '',
    cc: '',
    bcc: '',
    replyTo: '',
    subject: '',
    format: 'plain',
    body: '',
    inReplyTo: null,
    references: [],
    attachments: [],
  };
}

/** Sender facts of the messages opened lately: j/k back and forth asks the server once. */
const SENDER_CACHE_SIZE = 200;

export function createReaderHandlers(deps: ReaderHandlerDeps): MethodHandlers<keyof typeof readerMethods> {
  // each kept with the authserv-id it was judged by: a new one set in the settings judges again
  const senders = new Map<number, { info: SenderInfo; authservId: string | null }>();
  const infoOf = async (id: number): Promise<{ info: SenderInfo; accountId: string }> => {
    const header = deps.store.messages.get([id])[0];
    if (!header) throw notFound('The message');
    const authservId = deps.store.authserv.get(header.accountId);
    const cached = senders.get(id);
    if (cached && cached.authservId === authservId) return { info: cached.info, accountId: header.accountId };
    const account = deps.store.accounts.get(header.accountId);
    if (!account) throw notFound('The account');
    const info = senderInfo({
      authservId,
      // stored with the body when it was fetched (MessageReader): no round trip on the connection
      // the reading pane's bodies and inline images wait for
      headerBlock: deps.store.bodies.senderHeaders(id) ?? (await deps.reader.headerFields(id, SENDER_HEADER_FIELDS)),
      from: header.from[0] ?? null,
      imapHost: account.imap.host,
      accountEmail: account.email,
      loopbackHttpForTests: loopbackAllowedForTests(),
    });
    senders.delete(id);
    senders.set(id, { info, authservId });
    if (senders.size > SENDER_CACHE_SIZE) senders.delete(senders.keys().next().value!);
    return { info, accountId: header.accountId };
  };
  return {
    'message.senderInfo': async ({ id }) => {
      const { info } = await infoOf(id);
      return {
        authentication: info.authentication,
        warnings: info.warnings,
        unsubscribe: info.unsubscribe && {
          https: info.unsubscribe.https,
          mailto: info.unsubscribe.mailto?.to ?? null,
          oneClick: info.unsubscribe.oneClick,
        },
      };
    },
    'message.unsubscribe': async ({ id, via }) => {
      const { info, accountId } = await infoOf(id);
      const options = info.unsubscribe;
      if (via === 'one-click') {
        if (!options?.oneClick || !options.https)
          throw new ServiceError('invalid-input', 'This list does not offer one-click unsubscribe.');
        const result = await (deps.oneClick ?? oneClickUnsubscribe)(options.https);
        return 'done' in result
          ? { outcome: 'done' as const }
          : { outcome: 'blocked' as const, reason: result.blocked };
      }
      if (!options?.mailto) throw new ServiceError('invalid-input', 'This list does not offer unsubscribing by mail.');
      const { to, subject, body } = options.mailto;
      await deps.sendPlain(accountId, to, subject, body || 'unsubscribe');
      return { outcome: 'queued' as const };
    },
    'message.raw': async ({ id }) => {
      const header = deps.store.messages.get([id])[0];
      if (!header) throw notFound('The message');
      // A saved message is capped like an attachment: it crosses to the UI whole, in memory.
      const raw = await deps.reader.raw(id, MAX_ATTACHMENT_BYTES);
      return { filename: emlFileName(header.subject), dataBase64: raw.toString('base64') };
    },
    'messages.setKeywords': async ({ ids, add, remove }) => {
      // One keyword both added and removed: the add wins, as the last word on it.
      const removed = remove.filter((keyword) => !add.some((added) => added.toLowerCase() === keyword.toLowerCase()));
      if (add.length === 0 && removed.length === 0) return { ok: true as const };
      return deps.apply(setKeywords, { ids, add, remove: removed });
    },
    // Only the desktop shell has a save dialog (electron/shell/save-eml.ts).
    'message.saveEml': async () => ({ outcome: 'unsupported' as const }),
  };
}
