// The handlers of the reader's part of the contract (shared/contract-reader.ts): the raw
// message for saving as .eml, and tags (IMAP keywords) through the offline queue. Spread into the service's table by service.ts.
import type { readerMethods } from '../../shared/contract-reader';
import { emlFileName } from '../../shared/eml-file-name';
import { MAX_ATTACHMENT_BYTES } from './attachment-size';
import type { MessageReader } from './imap/message-reader';
import type { Operation } from './imap/ops/operation';
import { setKeywords } from './imap/ops/set-keywords';
import type { MethodHandlers } from './method-handlers';
import { notFound } from './service-error';
import type { Store } from './store/store';

export interface ReaderHandlerDeps {
  store: Store;
  reader: Pick<MessageReader, 'raw'>;
  /** Runs an offline-capable action (the facade's MessageActions.apply). */
  apply: <I>(operation: Operation<I, unknown>, input: I) => { ok: true };
}

export function createReaderHandlers(deps: ReaderHandlerDeps): MethodHandlers<keyof typeof readerMethods> {
  return {
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
