// The user's actions on folders: create (also below another), rename, move under another parent
// and delete. Each is checked here (special folders are protected, names must be valid and
// free), applied to the cache at once, announced, and queued for the server in the same queue
// as the actions on messages, so a move into a folder made offline replays after its CREATE.
import { folderNameProblem, type FolderNameProblem } from '../../../../shared/folder-name-rules';
import type { AccountId, MailboxId } from '../../../../shared/domain';
import type { Emit } from '../../events';
import { ServiceError, notFound } from '../../service-error';
import { isBelow, type MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import { folderCreate } from './folder-create';
import { folderDelete } from './folder-delete';
import { folderRename } from './folder-rename';
import { folderSubscribe } from './folder-subscribe';
import type { Operation } from './operation';

export interface FolderActionsDeps {
  store: Store;
  emit: Emit;
  /** Sends the account's queued operations to the server if it is online. */
  flush(accountId: AccountId): void;
  /** Syncs one folder soon (its sync was turned on). */
  requestSync(accountId: AccountId, mailboxId: MailboxId): void;
}

const PROBLEMS: Record<FolderNameProblem, string> = {
  empty: 'A folder needs a name.',
  'too-long': 'That folder name is too long.',
  delimiter: 'A folder name cannot contain the character that separates folders on this server',
  wildcard: 'A folder name cannot contain % or *.',
  control: 'A folder name cannot contain control characters.',
  inbox: 'INBOX is the name of the Inbox.',
};

export class FolderActions {
  constructor(private readonly deps: FolderActionsDeps) {}

  create(accountId: AccountId, parentId: MailboxId | null, name: string): { mailboxId: MailboxId } {
    const { store } = this.deps;
    if (!store.accounts.get(accountId)) throw notFound('The account');
    const parent = parentId === null ? null : this.box(parentId);
    if (parent && parent.accountId !== accountId) throw invalid('The parent folder belongs to another account.');
    const delimiter = parent?.delimiter ?? delimiterOf(store.mailboxes.list(accountId));
    const leaf = this.checkedName(name, delimiter, parent === null);
    const path = this.pathFor(accountId, parent, leaf, delimiter);
    this.apply(folderCreate, accountId, { accountId, path, name: leaf, parentPath: parent?.path ?? null, delimiter });
    const created = store.mailboxes.byPath(accountId, path);
    if (!created) throw new ServiceError('internal', 'The new folder was not stored.');
    return { mailboxId: created.id };
  }

  rename(mailboxId: MailboxId, name: string): { ok: true } {
    const box = this.movable(mailboxId);
    const parent = box.parentPath === null ? null : this.deps.store.mailboxes.byPath(box.accountId, box.parentPath);
    const leaf = this.checkedName(name, box.delimiter, box.parentPath === null);
    if (leaf === box.name) return { ok: true };
    const toPath = box.path.slice(0, box.path.length - box.name.length) + leaf;
    // A folder whose path does not end in its name (a server that lists otherwise) is placed
    // as a new child of its parent would be.
    const target = box.path.endsWith(box.name) ? toPath : this.pathFor(box.accountId, parent, leaf, box.delimiter);
    return this.renameTo(box, target, leaf, box.parentPath);
  }

  move(mailboxId: MailboxId, parentId: MailboxId | null): { ok: true } {
    const box = this.movable(mailboxId);
    const parent = parentId === null ? null : this.box(parentId);
    if (parent && parent.accountId !== box.accountId)
      throw invalid('A folder can only be moved within its own account.');
    if (parent && (parent.id === box.id || isBelow(parent.path, box.path, box.delimiter)))
      throw invalid('A folder cannot be moved into itself or a folder inside it.');
    if ((parent?.path ?? null) === box.parentPath) return { ok: true };
    const target = this.pathFor(box.accountId, parent, box.name, box.delimiter);
    return this.renameTo(box, target, box.name, parent?.path ?? null);
  }

  delete(mailboxId: MailboxId): { ok: true } {
    const box = this.movable(mailboxId);
    this.apply(folderDelete, box.accountId, { accountId: box.accountId, path: box.path });
    return { ok: true };
  }

  subscribe(mailboxId: MailboxId, subscribed: boolean): { ok: true } {
    const box = this.box(mailboxId);
    if (box.subscribed === subscribed) return { ok: true };
    if (box.role === 'inbox') throw invalid('The Inbox is always subscribed.');
    this.apply(folderSubscribe, box.accountId, { accountId: box.accountId, path: box.path, subscribed });
    if (subscribed) this.deps.requestSync(box.accountId, box.id);
    return { ok: true };
  }

  /** Selective sync: a folder whose sync is off is not fetched at all, and its cache is dropped. */
  setSync(mailboxId: MailboxId, enabled: boolean): { ok: true } {
    const { store, emit } = this.deps;
    const box = this.box(mailboxId);
    if (box.role === 'inbox' && !enabled) throw invalid('The Inbox is always synced.');
    if ((box.syncEnabled !== false && box.syncOnOpen !== true) === enabled) return { ok: true };
    const removed = enabled ? [] : store.messages.idsIn(box.id);
    store.mailboxes.setSyncEnabled(box.id, enabled);
    if (removed.length) emit('messages.changed', { mailboxId, added: [], removed, updated: [] });
    emit('mailboxes.changed', { accountId: box.accountId });
    if (enabled) this.deps.requestSync(box.accountId, box.id);
    return { ok: true };
  }

  private renameTo(box: MailboxRecord, toPath: string, name: string, parentPath: string | null): { ok: true } {
    if (this.deps.store.mailboxes.byPath(box.accountId, toPath))
      throw invalid(`A folder named "${name}" is there already.`);
    this.apply(folderRename, box.accountId, {
      accountId: box.accountId,
      fromPath: box.path,
      toPath,
      name,
      parentPath,
    });
    return { ok: true };
  }

  private apply<I>(operation: Operation<I, unknown>, accountId: AccountId, input: I): void {
    const { store, emit } = this.deps;
    store.transaction(() => {
      const local = operation.applyLocally(store, input);
      for (const op of local.ops) store.pendingOps.enqueue(op.accountId, operation.kind, op.payload, op.touches);
    });
    emit('mailboxes.changed', { accountId });
    this.deps.flush(accountId);
  }

  private box(id: MailboxId): MailboxRecord {
    const box = this.deps.store.mailboxes.get(id);
    if (!box) throw notFound('The folder');
    return box;
  }

  /** A folder the user may rename, move or delete: not special, and holding no special folder. */
  private movable(id: MailboxId): MailboxRecord {
    const box = this.box(id);
    const holdsSpecial = this.deps.store.mailboxes
      .list(box.accountId)
      .some((b) => b.role !== null && (b.id === box.id || isBelow(b.path, box.path, b.delimiter)));
    if (holdsSpecial)
      throw invalid(
        'Inbox, Sent, Drafts, Trash, Junk and Archive are special folders: they cannot be renamed, moved or deleted.',
      );
    return box;
  }

  private checkedName(name: string, delimiter: string, topLevel: boolean): string {
    const problem = folderNameProblem(name, delimiter, topLevel);
    if (problem === 'delimiter') throw invalid(`${PROBLEMS.delimiter} (${delimiter}).`);
    if (problem) throw invalid(PROBLEMS[problem]);
    return name.trim();
  }

  /** Where a folder named `leaf` goes under `parent`, or at the top level, and that it is free. */
  private pathFor(accountId: AccountId, parent: MailboxRecord | null, leaf: string, delimiter: string): string {
    const boxes = this.deps.store.mailboxes.list(accountId);
    const path = parent ? parent.path + delimiter + leaf : topLevelPrefix(boxes, delimiter) + leaf;
    if (boxes.some((b) => b.path.toLowerCase() === path.toLowerCase()))
      throw invalid(`A folder named "${leaf}" is there already.`);
    return path;
  }
}

function invalid(message: string): ServiceError {
  return new ServiceError('invalid-input', message);
}

function delimiterOf(boxes: readonly MailboxRecord[]): string {
  return boxes.find((b) => b.delimiter !== '')?.delimiter ?? '/';
}

/**
 * Servers whose personal namespace is "INBOX." (Courier, Cyrus) keep every folder under INBOX,
 * which the sidebar shows at the top level (sync/namespace.ts): a new top-level folder goes
 * there too, where the server's next LIST will find it at the same path.
 */
function topLevelPrefix(boxes: readonly MailboxRecord[], delimiter: string): string {
  const prefix = `INBOX${delimiter}`;
  const topLevel = boxes.filter((b) => b.parentPath === null && b.role !== 'inbox');
  return topLevel.some((b) => b.path.toUpperCase().startsWith(prefix.toUpperCase())) ? prefix : '';
}
