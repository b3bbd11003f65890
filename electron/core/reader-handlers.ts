// The handlers of the reader's part of the contract (shared/contract-reader.ts): the raw
// message for saving as .eml. Spread into the service's table by service.ts.
import type { readerMethods } from '../../shared/contract-reader';
import { emlFileName } from '../../shared/eml-file-name';
import { MAX_ATTACHMENT_BYTES } from './attachment-size';
import type { MessageReader } from './imap/message-reader';
import type { MethodHandlers } from './method-handlers';
import { notFound } from './service-error';
import type { Store } from './store/store';

export interface ReaderHandlerDeps {
  store: Store;
  reader: Pick<MessageReader, 'raw'>;
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
    // Only the desktop shell has a save dialog (electron/shell/save-eml.ts).
    'message.saveEml': async () => ({ outcome: 'unsupported' as const }),
  };
}
