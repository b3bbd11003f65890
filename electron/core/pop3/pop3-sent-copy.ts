// The Sent copy of a POP3 account: POP3 has no Sent folder on the server, so the copy of what
// was sent is filed in the account's local Sent, with its source, read like any downloaded message.
import type { AccountId, MessageId } from '../../../shared/domain';
import type { Store } from '../store/store';
import { pop3HeaderRecord } from './pop3-header';

/** Files `copy` in the local Sent of a POP3 account; null when the account is not POP3. */
export function fileSentCopy(store: Store, accountId: AccountId, copy: Buffer, createdAt: number): MessageId | null {
  if (!store.pop3.isPop3(accountId)) return null;
  const sent = store.mailboxes.byRole(accountId, 'sent');
  if (!sent) return null;
  const record = pop3HeaderRecord(copy, copy.length, createdAt, `sent:${accountId}:${createdAt}`);
  return store.pop3.addLocal(sent.id, { ...record, flags: { ...record.flags, seen: true } }, copy);
}
