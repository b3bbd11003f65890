// Rows for tests that fill the SQLite cache directly, without a server: one account's settings,
// a listed mailbox, a synced header.
import type { AccountSettings, MailboxRole } from '../../shared/domain';
import type { ListedMailbox } from '../../electron/core/store/mailboxes-repo';
import type { HeaderRecord } from '../../electron/core/store/messages-repo';

export const testAccountSettings: AccountSettings = {
  name: 'Test',
  email: 'a@example.test',
  displayName: 'A',
  username: 'a@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
};

/** An account that sends: mail from it reads "Me Myself <me@example.org>". */
export const senderAccountSettings: AccountSettings = {
  name: 'Me',
  email: 'me@example.org',
  displayName: 'Me Myself',
  username: 'me',
  imap: { host: 'imap.example.org', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.org', port: 587, security: 'starttls' },
};

export function listedMailbox(
  path: string,
  role: MailboxRole | null,
  counts?: { unread: number; total: number },
): ListedMailbox {
  return {
    path,
    name: path,
    parentPath: null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread: counts?.unread ?? null,
    total: counts?.total ?? null,
  };
}

export function headerRecord(uid: number, overrides: Partial<HeaderRecord> = {}): HeaderRecord {
  return {
    uid,
    messageId: `<${uid}@x>`,
    subject: `Message ${uid}`,
    from: [{ name: 'Sender', address: 's@example.test' }],
    to: [],
    cc: [],
    date: uid,
    size: 1000,
    flags: { seen: false, flagged: false, answered: false, draft: false },
    keywords: [],
    hasAttachments: false,
    threadKey: `<${uid}@x>`,
    inReplyTo: null,
    bodystructure: null,
    ...overrides,
  };
}
