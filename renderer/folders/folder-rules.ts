// Which folder actions make sense for a folder, as the engine will judge them: special folders
// (and folders holding one) are not renamed, moved or deleted; only Trash and Junk are emptied;
// a folder moves only within its account, and never into itself or below itself.
import type { Mailbox } from '../../shared/domain';
import { effectiveRole } from '../sidebar/folder-tree';

export function isBelow(mailbox: Pick<Mailbox, 'path'>, ancestor: Pick<Mailbox, 'path' | 'delimiter'>): boolean {
  return ancestor.delimiter !== '' && mailbox.path.startsWith(ancestor.path + ancestor.delimiter);
}

/** Inbox, Sent, Drafts, Trash, Junk, Archive, or a folder with one of them inside it. */
export function isProtectedFolder(mailbox: Mailbox, mailboxes: readonly Mailbox[]): boolean {
  if (effectiveRole(mailbox) !== null) return true;
  return mailboxes.some(
    (other) => other.accountId === mailbox.accountId && effectiveRole(other) !== null && isBelow(other, mailbox),
  );
}

export function canEmptyFolder(mailbox: Mailbox): boolean {
  const role = effectiveRole(mailbox);
  return role === 'trash' || role === 'junk';
}

/** Where the folder may go: its account's other folders, not itself or its own subfolders. */
export function newParentChoices(mailbox: Mailbox, mailboxes: readonly Mailbox[]): Mailbox[] {
  return mailboxes.filter(
    (other) =>
      other.accountId === mailbox.accountId &&
      other.id !== mailbox.id &&
      !isBelow(other, mailbox) &&
      other.path !== mailbox.parentPath,
  );
}

/**
 * Whether the engine syncs the folder in the background: not when its sync is off, nor for a
 * Gmail label folder synced only while open (syncOnOpen); the menu's toggle turns either on.
 */
export function syncsAlways(mailbox: Pick<Mailbox, 'syncEnabled' | 'syncOnOpen'>): boolean {
  return mailbox.syncEnabled !== false && mailbox.syncOnOpen !== true;
}
