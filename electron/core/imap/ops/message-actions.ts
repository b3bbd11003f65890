// The user's actions on messages (read, star, move, archive, delete, junk): applied to the cache at
// once and announced, then queued for the server and pushed when the account is online.
// Archive, delete and junk go to a folder of each message's own account, so they run per account.
import type { AccountId, MessageId } from '../../../../shared/domain';
import type { Emit } from '../../events';
import type { Store } from '../../store/store';
import { roleFolder, type RoleFolderRuntime } from '../role-folder';
import { expunge } from './expunge';
import { move } from './move';
import type { Operation } from './operation';
import { notFound } from '../../service-error';

/** The name a role folder is created with on an account that has none. */
const ROLE_FOLDER_NAMES = { archive: 'Archive', trash: 'Trash', junk: 'Junk' } as const;

export interface MessageActionsDeps {
  store: Store;
  emit: Emit;
  /** Sends the account's queued operations to the server if it is online (AccountRuntime.flushOps). */
  flush(accountId: AccountId): void;
  /** The account's runtime; throws not-found for an account that is not running. */
  runtime(accountId: AccountId): RoleFolderRuntime;
}

export class MessageActions {
  constructor(private readonly deps: MessageActionsDeps) {}

  /** Applies a local action, announces it, queues it for the server and pushes it if online. */
  apply<I>(operation: Operation<I, unknown>, input: I): { ok: true } {
    const { store, emit } = this.deps;
    const result = store.transaction(() => {
      const local = operation.applyLocally(store, input);
      for (const op of local.ops) store.pendingOps.enqueue(op.accountId, operation.kind, op.payload, op.touches);
      return local;
    });
    const accounts = new Set<AccountId>();
    for (const [mailboxId, change] of result.changed) {
      emit('messages.changed', { mailboxId, ...change });
      const box = store.mailboxes.get(mailboxId);
      if (box) accounts.add(box.accountId);
    }
    for (const accountId of accounts) {
      emit('mailboxes.changed', { accountId });
      this.deps.flush(accountId);
    }
    return { ok: true };
  }

  /** Moves each message to its account's Archive, created when the account has none. */
  async archive(ids: MessageId[]): Promise<{ ok: true }> {
    for (const [accountId, group] of this.byAccount(ids)) {
      const archive = await this.roleFolder(accountId, 'archive');
      this.apply(move, { ids: group, toMailboxId: archive.id });
    }
    return { ok: true };
  }

  /** Moves each message to its account's Trash; what is in Trash already goes for good. */
  async delete(ids: MessageId[]): Promise<{ ok: true }> {
    for (const [accountId, group] of this.byAccount(ids)) {
      const headers = this.deps.store.messages.get(group);
      const trash = await this.roleFolder(accountId, 'trash');
      // Deleting from Trash is for good; anywhere else it goes to Trash and can come back.
      const inTrash = headers.filter((h) => h.mailboxId === trash.id).map((h) => h.id);
      const elsewhere = headers.filter((h) => h.mailboxId !== trash.id).map((h) => h.id);
      if (inTrash.length) this.apply(expunge, { ids: inTrash });
      if (elsewhere.length) this.apply(move, { ids: elsewhere, toMailboxId: trash.id });
    }
    return { ok: true };
  }

  /** Moves each message to its account's Junk folder, created when the account has none. */
  async junk(ids: MessageId[]): Promise<{ ok: true }> {
    for (const [accountId, group] of this.byAccount(ids)) {
      const junk = await this.roleFolder(accountId, 'junk');
      const elsewhere = this.deps.store.messages.get(group).filter((h) => h.mailboxId !== junk.id);
      if (elsewhere.length) this.apply(move, { ids: elsewhere.map((h) => h.id), toMailboxId: junk.id });
    }
    return { ok: true };
  }

  /** "Not junk": back to the account's Inbox. */
  notJunk(ids: MessageId[]): { ok: true } {
    for (const [accountId, group] of this.byAccount(ids)) {
      const inbox = this.deps.store.mailboxes.byRole(accountId, 'inbox');
      if (!inbox) throw notFound('The Inbox');
      const elsewhere = this.deps.store.messages.get(group).filter((h) => h.mailboxId !== inbox.id);
      if (elsewhere.length) this.apply(move, { ids: elsewhere.map((h) => h.id), toMailboxId: inbox.id });
    }
    return { ok: true };
  }

  private roleFolder(accountId: AccountId, role: 'archive' | 'trash' | 'junk') {
    const name = ROLE_FOLDER_NAMES[role];
    return roleFolder(this.deps.store, accountId, () => this.deps.runtime(accountId), role, name);
  }

  /** Messages grouped by account, for actions that go to a per-account folder. */
  private byAccount(ids: MessageId[]): Map<AccountId, MessageId[]> {
    const out = new Map<AccountId, MessageId[]>();
    for (const header of this.deps.store.messages.get(ids))
      out.set(header.accountId, [...(out.get(header.accountId) ?? []), header.id]);
    return out;
  }
}
