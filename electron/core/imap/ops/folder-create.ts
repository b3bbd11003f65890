// Creating a folder (RFC 3501 CREATE, then SUBSCRIBE, which imapflow sends). Locally the folder
// appears at once; the server's ALREADYEXISTS counts as done, since the folder is there either way.
import type { AccountId } from '../../../../shared/domain';
import { folderOpResult, type Operation } from './operation';

export interface FolderCreateInput {
  accountId: AccountId;
  path: string;
  name: string;
  /** The parent as the sidebar shows it (null at the top level). */
  parentPath: string | null;
  delimiter: string;
}

export interface FolderCreatePayload {
  path: string;
}

export const folderCreate: Operation<FolderCreateInput, FolderCreatePayload> = {
  kind: 'folder-create',
  changesTree: true,

  applyLocally(store, input) {
    store.mailboxes.addLocal(input.accountId, input.path, input.name, input.parentPath, input.delimiter);
    return folderOpResult(input.accountId, { path: input.path });
  },

  async replay(client, _store, payload) {
    await client.mailboxCreate(payload.path);
    return { missing: [] };
  },

  discard(store, payload, accountId) {
    store.mailboxes.removeLocal(accountId, payload.path);
  },
};
