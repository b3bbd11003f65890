// Which folders the engine syncs (selective sync). The Inbox always; the folders the engine files
// into (Sent, Drafts, Trash, Junk, Archive) whether subscribed or not; any other folder while it
// is subscribed and its sync is on. An unsubscribed folder the user opens is synced then (they
// asked to see it); one whose sync is off never is (canSync), since that is what "off" means. A
// Gmail label folder (syncOnOpen) is like an unsubscribed one until the user turns its sync on:
// its messages are in the Inbox or All Mail and show their labels there.
import type { Mailbox } from '../../../../shared/domain';

export function syncsInBackground(
  box: Pick<Mailbox, 'role' | 'selectable' | 'subscribed' | 'syncEnabled' | 'syncOnOpen'>,
): boolean {
  if (!box.selectable) return false;
  if (box.role === 'inbox') return true;
  if (box.syncEnabled === false || box.syncOnOpen === true) return false;
  return box.role !== null || box.subscribed;
}

/** Whether the folder may be synced at all, also when the user opens it. */
export function canSync(box: Pick<Mailbox, 'selectable' | 'role' | 'syncEnabled'>): boolean {
  return box.selectable && (box.role === 'inbox' || box.syncEnabled !== false);
}

/** The first day of the sync window: `months` back from `now`. */
export function syncSinceDate(months: number | null, now = new Date()): Date | null {
  if (months === null) return null;
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  since.setUTCHours(0, 0, 0, 0);
  return since;
}
