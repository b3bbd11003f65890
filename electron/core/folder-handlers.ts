// The folder part of the contract (shared/contract-folders.ts): managing folders, emptying
// Trash and Junk, and the Junk / Not junk actions. The service spreads these into its table.
import type { FolderMethodName } from '../../shared/contract-folders';
import { FolderActions } from './imap/ops/folder-actions';
import { expunge } from './imap/ops/expunge';
import type { MessageActions } from './imap/ops/message-actions';
import type { MethodHandlers } from './method-handlers';
import type { Emit } from './events';
import { notFound, ServiceError } from './service-error';
import type { Store } from './store/store';
import { copyMessages } from './imap/ops/copy';
import type { RoleFolderRuntime } from './imap/role-folder';
import type { AccountId, MailboxId } from '../../shared/domain';

export interface FolderHandlerDeps {
  store: Store;
  emit: Emit;
  actions: MessageActions;
  flush(accountId: AccountId): void;
  requestSync(accountId: AccountId, mailboxId?: MailboxId): void;
  /** The account's runtime (for the copy, made on the work connection). */
  runtime(accountId: AccountId): RoleFolderRuntime;
}

export function createFolderHandlers(deps: FolderHandlerDeps): MethodHandlers<FolderMethodName> {
  const { store, actions } = deps;
  const folders = new FolderActions({ store, emit: deps.emit, flush: deps.flush, requestSync: deps.requestSync });
  return {
    'folders.create': async ({ accountId, parentId, name }) => folders.create(accountId, parentId, name),
    'folders.rename': async ({ mailboxId, name }) => folders.rename(mailboxId, name),
    'folders.move': async ({ mailboxId, parentId }) => folders.move(mailboxId, parentId),
    'folders.delete': async ({ mailboxId }) => folders.delete(mailboxId),
    'folders.empty': async ({ mailboxId }) => {
      const box = store.mailboxes.get(mailboxId);
      if (!box) throw notFound('The folder');
      // Only where deleting for good is what the folder is for: Trash and Junk.
      if (box.role !== 'trash' && box.role !== 'junk')
        throw new ServiceError('invalid-input', 'Only the Trash and Junk folders can be emptied.');
      const ids = store.messages.idsIn(mailboxId);
      return ids.length ? actions.apply(expunge, { ids }) : { ok: true as const };
    },
    'folders.subscribe': async ({ mailboxId, subscribed }) => folders.subscribe(mailboxId, subscribed),
    'folders.setSync': async ({ mailboxId, sync }) => folders.setSync(mailboxId, sync),
    'sync.since': async ({ accountId }) => {
      if (!store.accounts.get(accountId)) throw notFound('The account');
      return { months: store.mailboxes.syncSinceMonths(accountId) };
    },
    'sync.setSince': async ({ accountId, months }) => {
      if (!store.accounts.get(accountId)) throw notFound('The account');
      store.mailboxes.setSyncSinceMonths(accountId, months);
      deps.requestSync(accountId);
      return { ok: true as const };
    },
    'messages.copy': async ({ ids, toMailboxId }) => {
      const to = store.mailboxes.get(toMailboxId);
      if (!to) throw notFound('The folder');
      await copyMessages(store, deps.runtime(to.accountId), ids, to);
      deps.requestSync(to.accountId, to.id);
      return { ok: true as const };
    },
    'messages.junk': ({ ids }) => actions.junk(ids),
    'messages.notJunk': async ({ ids }) => actions.notJunk(ids),
  };
}
