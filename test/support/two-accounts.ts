// Two accounts' folders as the renderer receives them, for the unified views' tests: Alice's
// INBOX has no role (a server that does not say so), Bob's Sent is called "Sent Items".
import type { Account, Mailbox, MailboxRole } from '../../shared/domain';

let nextId = 1;

export function mailbox(accountId: string, path: string, role: MailboxRole | null, unread = 0): Mailbox {
  return {
    id: nextId++,
    accountId,
    path,
    name: path,
    parentPath: null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread,
    total: unread + 10,
  };
}

export function account(id: string, name = id): Account {
  return { id, name } as Account;
}

export const alice = [
  mailbox('alice', 'INBOX', null, 3),
  mailbox('alice', 'Sent', 'sent', 0),
  mailbox('alice', 'Drafts', 'drafts', 1),
  mailbox('alice', 'Archive', 'archive', 7),
];

export const bob = [mailbox('bob', 'INBOX', 'inbox', 2), mailbox('bob', 'Sent Items', 'sent', 4)];

export const all = [...alice, ...bob];
