// Deleting a folder with the folders below it. The server is asked deepest first, since some
// (Dovecot with some layouts among them) refuse to delete a folder that still has children;
// one that is gone already (NONEXISTENT) is what the user wanted anyway.
import type { AccountId } from '../../../../shared/domain';
import { isBelow } from '../../store/mailboxes-repo';
import { folderOpResult, type Operation } from './operation';
import { responseCodeOf } from './replay-failure';

export interface FolderDeleteInput {
  accountId: AccountId;
  path: string;
}

export interface FolderDeletePayload {
  /** The folder and every folder below it, deepest first. */
  paths: string[];
}

export const folderDelete: Operation<FolderDeleteInput, FolderDeletePayload> = {
  kind: 'folder-delete',
  changesTree: true,

  applyLocally(store, input) {
    const paths = store.mailboxes
      .list(input.accountId)
      .filter((b) => b.path === input.path || isBelow(b.path, input.path, b.delimiter))
      .map((b) => b.path)
      .sort((a, b) => b.length - a.length);
    store.mailboxes.removeLocal(input.accountId, input.path);
    return folderOpResult(input.accountId, { paths });
  },

  async replay(client, _store, payload) {
    for (const path of payload.paths)
      await client.mailboxDelete(path).catch((error: unknown) => {
        if (responseCodeOf(error) !== 'NONEXISTENT') throw error;
      });
    return { missing: [] };
  },
};
