// Step 1 of a sync: the mailbox tree, with special-use roles. Servers without SPECIAL-USE
// still get roles from well-known names (shared/role-names.ts), so Sent, Archive and Trash work
// everywhere; folders under the personal namespace prefix ("INBOX.") show at the top level.
import type { ImapFlow, ListResponse } from 'imapflow';
import type { MailboxRole } from '../../../../shared/domain';
import type { ListedMailbox } from '../../store/mailboxes-repo';
import { displayParent } from './namespace';
import { roleByName } from '../../../../shared/role-names';

const SPECIAL_USE: Record<string, MailboxRole> = {
  '\\Inbox': 'inbox',
  '\\Drafts': 'drafts',
  '\\Sent': 'sent',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
};

/**
 * Folders that only show messages filed in other folders (RFC 6154 \All and \Flagged, Gmail's
 * \Important): syncing them would store each message again, so they are not synced unless the
 * user turns it on. Gmail's labels are folders too, and All Mail holds every one of them.
 */
const VIEW_FOLDER_FLAGS = ['\\All', '\\Flagged', '\\Important'];

export function isViewFolder(entry: Pick<ListResponse, 'specialUse' | 'flags'>): boolean {
  return VIEW_FOLDER_FLAGS.some((flag) => entry.specialUse === flag || entry.flags.has(flag));
}

/**
 * A Gmail label shown as a folder (on a server with X-GM-EXT-1): no role, no special use, not the
 * Inbox. Its messages are in the Inbox or All Mail too, and header sync brings every message's
 * labels, so it is synced only while the user has it open: background sync would store each
 * labelled message once more.
 */
export function isGmailLabelFolder(
  gmail: boolean,
  entry: Pick<ListResponse, 'path' | 'specialUse' | 'flags'>,
  role: MailboxRole | null,
): boolean {
  return (
    gmail &&
    role === null &&
    !entry.specialUse &&
    !entry.flags.has('\\Noselect') &&
    entry.path.toUpperCase() !== 'INBOX' &&
    !isViewFolder(entry)
  );
}

type Listed = Pick<ListResponse, 'path' | 'name' | 'specialUse' | 'specialUseSource'> & { shownParent: string | null };

/** A role the server states (SPECIAL-USE, or one the user set), not one guessed from the name. */
function statedRole(entry: Pick<ListResponse, 'path' | 'specialUse' | 'specialUseSource'>): MailboxRole | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  if (!entry.specialUse || entry.specialUseSource === 'name') return null;
  return SPECIAL_USE[entry.specialUse] ?? null;
}

/**
 * Every folder's role: stated ones first; then, for roles still free, a folder whose name says it,
 * top-level folders before nested ones ("Sent" wins over "Projects/Sent").
 */
export function assignRoles(entries: readonly Listed[]): Map<string, MailboxRole> {
  const roles = new Map<string, MailboxRole>();
  const taken = new Set<MailboxRole>();
  for (const e of entries) {
    const role = statedRole(e);
    if (role && !taken.has(role)) {
      roles.set(e.path, role);
      taken.add(role);
    }
  }
  const byDepth = [...entries].sort((a, b) => Number(a.shownParent !== null) - Number(b.shownParent !== null));
  for (const e of byDepth) {
    if (roles.has(e.path)) continue;
    const guessed = roleByName(e.name) ?? (e.specialUse ? (SPECIAL_USE[e.specialUse] ?? null) : null);
    if (guessed && !taken.has(guessed)) {
      roles.set(e.path, guessed);
      taken.add(guessed);
    }
  }
  return roles;
}

/**
 * `counts`: each folder's MESSAGES and UNSEEN too (tree-counts.ts says when); without them the
 * listed unread and total are null, which keeps what the store had.
 */
export async function listMailboxes(client: ImapFlow, options: { counts: boolean }): Promise<ListedMailbox[]> {
  const entries = (await client.list(options.counts ? { statusQuery: { messages: true, unseen: true } } : {})).filter(
    (e) => !e.flags.has('\\NonExistent'),
  );
  const prefix = client.namespace?.prefix ?? '';
  const gmail = client.capabilities.has('X-GM-EXT-1');
  const listed = entries.map((e) => ({
    entry: e,
    shownParent: displayParent(
      { path: e.path, parentPath: e.parentPath || null, delimiter: e.delimiter ?? '/' },
      prefix,
    ),
  }));
  const roles = assignRoles(listed.map(({ entry, shownParent }) => ({ ...entry, shownParent })));
  return listed.map(({ entry: e, shownParent }) => ({
    path: e.path,
    name: e.name,
    parentPath: shownParent,
    delimiter: e.delimiter ?? '/',
    role: roles.get(e.path) ?? null,
    // imapflow marks every folder subscribed when the server could not say; an unset one is not
    subscribed: e.subscribed === true,
    selectable: !e.flags.has('\\Noselect'),
    unread: e.status?.unseen ?? null,
    total: e.status?.messages ?? null,
    syncByDefault: !isViewFolder(e),
    syncOnOpenByDefault: isGmailLabelFolder(gmail, e, roles.get(e.path) ?? null),
  }));
}
