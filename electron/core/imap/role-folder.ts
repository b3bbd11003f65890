// The account's folder in a role (Archive, Trash) for the actions that file messages there:
// the one the cache knows, else created on the server and synced before the action goes on.
import type { ImapFlow } from 'imapflow';
import type { AccountId, MailboxRole } from '../../../shared/domain';
import { ServiceError } from '../service-error';
import type { MailboxRecord } from '../store/mailboxes-repo';
import type { Store } from '../store/store';

/** What creating a folder needs of the account's runtime (AccountRuntime fits). */
export interface RoleFolderRuntime {
  withClient<T>(task: (client: ImapFlow) => Promise<T>): Promise<T>;
  requestSync(): void;
  settled(): Promise<void>;
}

/** The folder with `role`, created on the server as `name` when the account has none yet. */
export async function roleFolder(
  store: Store,
  accountId: AccountId,
  runtime: () => RoleFolderRuntime,
  role: MailboxRole,
  name: string,
): Promise<MailboxRecord> {
  const existing = store.mailboxes.byRole(accountId, role);
  if (existing) return existing;
  const account = runtime();
  await account.withClient(async (client) => {
    await client.mailboxCreate(name).catch((error: { serverResponseCode?: string }) => {
      if (error.serverResponseCode !== 'ALREADYEXISTS') throw error;
    });
  });
  account.requestSync();
  await account.settled();
  const created = store.mailboxes.byRole(accountId, role) ?? store.mailboxes.byPath(accountId, name);
  if (!created) throw new ServiceError('server', `The ${name} folder could not be created on the server.`);
  return created;
}
