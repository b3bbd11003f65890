// The one unread count the app shows outside its folder list: on the dock (macOS), the taskbar
// (Windows), the launcher (Linux), the tray and the window title. By default it adds up every
// account's Inbox; the user may choose the folders instead. Pure.
import type { Mailbox, MailboxId } from './domain';
import { isInbox } from './new-mail';

/** `folders`: the chosen folders, or null for every Inbox. */
export function unreadCount(mailboxes: readonly Mailbox[], folders: readonly MailboxId[] | null): number {
  const counted = folders === null ? mailboxes.filter(isInbox) : mailboxes.filter((box) => folders.includes(box.id));
  return counted.reduce((sum, box) => sum + Math.max(0, box.unread), 0);
}

/** The window title with the count: "Mail (3)", or just "Mail" when there is nothing unread. */
export function titleWithCount(name: string, count: number): string {
  return count > 0 ? `${name} (${count})` : name;
}

/** The badge text: the number, or "99+" past what a badge can show. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
