// Renaming a folder, and moving it under another parent, which on IMAP is the same RENAME.
// Locally the folder and everything below it take the new path at once (same ids, same cached
// messages); a refusal renames them back, and the tree is listed again either way.
import type { AccountId } from '../../../../shared/domain';
import { folderOpResult, type Operation } from './operation';

export interface FolderRenameInput {
  accountId: AccountId;
  fromPath: string;
  toPath: string;
  name: string;
  parentPath: string | null;
}

export interface FolderRenamePayload {
  fromPath: string;
  toPath: string;
  /** What the folder was called and where it sat, to put it back if the server refuses. */
  fromName: string;
  fromParentPath: string | null;
}

export const folderRename: Operation<FolderRenameInput, FolderRenamePayload> = {
  kind: 'folder-rename',
  changesTree: true,

  applyLocally(store, input) {
    const box = store.mailboxes.byPath(input.accountId, input.fromPath);
    store.mailboxes.renameLocal(input.accountId, input.fromPath, input.toPath, input.name, input.parentPath);
    return folderOpResult(input.accountId, {
      fromPath: input.fromPath,
      toPath: input.toPath,
      fromName: box?.name ?? input.fromPath,
      fromParentPath: box?.parentPath ?? null,
    });
  },

  async replay(client, _store, payload) {
    await client.mailboxRename(payload.fromPath, payload.toPath);
    return { missing: [] };
  },

  discard(store, payload, accountId) {
    if (!store.mailboxes.byPath(accountId, payload.toPath)) return;
    store.mailboxes.renameLocal(accountId, payload.toPath, payload.fromPath, payload.fromName, payload.fromParentPath);
  },
};
