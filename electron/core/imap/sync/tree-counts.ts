// When the folder list asks the server for each folder's counts (LIST-STATUS, or a STATUS per
// folder where the server has no LIST-STATUS). Those counts show only for folders with no cache
// yet (mailboxes-repo.ts: a synced folder shows its own), but asking costs the server an open of
// every folder: Dovecot answers LIST-STATUS for a 250,000-message INBOX in 0.25-0.9 s on this
// machine (a plain STATUS of it in 1 ms, from its list index; a LIST without STATUS in 1 ms),
// and a reopened engine paid that before its INBOX resync, which then opened the INBOX again.
// So the tree is listed without counts, and they are asked for
//  - at once, when a folder this pass syncs has no cache yet (a new account, a new folder): its
//    count from the server is what the sidebar shows while its first sync runs;
//  - after the pass, when only folders that are not synced in the background (sync off, Gmail
//    labels, unsubscribed) show the server's counts: they are not worth the user's wait.
import type { Mailbox } from '../../../../shared/domain';
import { syncsInBackground } from './sync-policy';

type Folder = Pick<Mailbox, 'role' | 'selectable' | 'subscribed' | 'syncEnabled' | 'syncOnOpen'> & {
  sync: { syncedLowUid: number | null };
};

/** A folder whose sidebar count is the server's: selectable, and nothing of it cached yet. */
function showsServerCounts(folder: Folder): boolean {
  return folder.selectable && folder.sync.syncedLowUid === null;
}

/** The counts are wanted before the pass: a folder it is about to sync for the first time. */
export function countsBeforePass(folders: readonly Folder[]): boolean {
  return folders.some((folder) => showsServerCounts(folder) && syncsInBackground(folder));
}

/** The counts are wanted at all: some folder shows the server's. */
export function countsShown(folders: readonly Folder[]): boolean {
  return folders.some(showsServerCounts);
}
