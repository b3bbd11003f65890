// Which arriving messages deserve a notification, and what it says. Both shells decide with
// this (the renderer shows the result through the web Notification API, which Electron turns
// into the system's notifications). Mail counts as arrived only when it lands in a watched
// folder (every Inbox, and the folders the user adds) after that folder's first sync, in an
// account whose notifications are on, and is still unread when looked at (read on another
// device first: no notification). Several at once become one notification. Pure.
import type { AccountId, Mailbox, MailboxId, MessageHeader, MessagesChange, MessageId } from './domain';

export interface NewMailPrefs {
  enabled: boolean;
  /** Say only that there is new mail: no sender, no subject (on a shared or watched screen). */
  hideContent: boolean;
  /** Accounts whose mail never notifies. */
  mutedAccounts: readonly AccountId[];
  /** Folders that notify besides every account's Inbox. */
  extraFolders: readonly MailboxId[];
}

export const DEFAULT_NEW_MAIL_PREFS: NewMailPrefs = {
  enabled: true,
  hideContent: false,
  mutedAccounts: [],
  extraFolders: [],
};

/** What one notification says; the renderer words it in the user's language. */
export type NewMailNotice =
  | { kind: 'one'; messageId: MessageId; sender: string; subject: string }
  | { kind: 'several'; messageId: MessageId; count: number; senders: string[] }
  | { kind: 'hidden'; messageId: MessageId; count: number };

/** The senders a grouped notification names; the rest are in the count. */
export const GROUP_SENDERS = 3;

/** An Inbox by its role, or by the name IMAP reserves for it when the server gives no role. */
export function isInbox(mailbox: Pick<Mailbox, 'role' | 'path'>): boolean {
  return mailbox.role === 'inbox' || mailbox.path.toUpperCase() === 'INBOX';
}

export function isWatchedFolder(mailbox: Mailbox, prefs: NewMailPrefs): boolean {
  return isInbox(mailbox) || prefs.extraFolders.includes(mailbox.id);
}

/** Whether a change's added messages may be new mail to notify of (before looking at them). */
export function mayNotify(change: MessagesChange, mailbox: Mailbox | undefined, prefs: NewMailPrefs): boolean {
  if (!prefs.enabled || !mailbox || change.added.length === 0 || change.firstSync) return false;
  return !prefs.mutedAccounts.includes(mailbox.accountId) && isWatchedFolder(mailbox, prefs);
}

function senderOf(header: MessageHeader): string {
  const from = header.from[0];
  return from ? from.name || from.address : '';
}

/**
 * The notification for messages that arrived (their headers as they are now): those read
 * meanwhile, drafts and muted accounts' are left out; none left, no notification. Clicking it
 * opens the newest message.
 */
export function newMailNotice(headers: readonly MessageHeader[], prefs: NewMailPrefs): NewMailNotice | null {
  if (!prefs.enabled) return null;
  const unread = headers
    .filter((h) => !h.flags.seen && !h.flags.draft && !prefs.mutedAccounts.includes(h.accountId))
    .sort((a, b) => b.date - a.date);
  const newest = unread[0];
  if (!newest) return null;
  if (prefs.hideContent) return { kind: 'hidden', messageId: newest.id, count: unread.length };
  if (unread.length === 1)
    return { kind: 'one', messageId: newest.id, sender: senderOf(newest), subject: newest.subject };
  const senders = [...new Set(unread.map(senderOf).filter((name) => name !== ''))].slice(0, GROUP_SENDERS);
  return { kind: 'several', messageId: newest.id, count: unread.length, senders };
}
