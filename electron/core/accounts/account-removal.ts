// Removing an account leaves nothing of it on disk: its row (and with it the sealed password),
// its mailboxes, messages, bodies, attachments, queued actions, drafts, outbox items and allowed
// senders (all ON DELETE CASCADE), and the certificates pinned for its servers when no other
// account uses that server. Deleted content is overwritten (secure_delete) and the write-ahead
// log emptied, so the sealed password and the cached mail are not left behind in free pages;
// the user-data copy is written again without it.
import type { AccountId } from '../../../shared/domain';
import { pinKey } from '../net/tls-options';
import { withSecureDelete } from '../store/accounts-repo';
import { emptyWriteAheadLog } from '../store/database';
import type { Store } from '../store/store';
import type { CertificatePins } from './cert-pins';

export interface ErasedAccount {
  /** host:port of the pins removed with the account. */
  pins: string[];
}

/** Null when there is no such account. The account's runtime must be stopped first. */
export function eraseAccount(store: Store, pins: CertificatePins, accountId: AccountId): ErasedAccount | null {
  const account = store.accounts.get(accountId);
  if (!account) return null;
  const servers = (a: { imap: { host: string; port: number }; smtp: { host: string; port: number } }) => [
    a.imap,
    a.smtp,
  ];
  const stillUsed = new Set(
    store.accounts
      .list()
      .filter((other) => other.id !== accountId)
      .flatMap((other) => servers(other).map((server) => pinKey(server.host, server.port))),
  );
  const removedPins: string[] = [];
  withSecureDelete(store.db, () =>
    store.transaction(() => {
      store.accounts.remove(accountId);
      for (const server of servers(account)) {
        const key = pinKey(server.host, server.port);
        if (stillUsed.has(key) || removedPins.includes(key)) continue;
        if (pins.remove(server.host, server.port)) removedPins.push(key);
      }
    }),
  );
  emptyWriteAheadLog(store.db);
  // the copy of the user's data (user-data.db) held the account and its sealed password too:
  // written again now, not at the next round
  store.backUpUserData();
  return { pins: removedPins };
}
