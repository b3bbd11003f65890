// Where the Sent copy and the drafts go: the folder the cache knows in that role, else the one
// the server marks (SPECIAL-USE, or a well-known name), else one we create.
import type { ImapFlow } from 'imapflow';
import type { AccountId } from '../../../shared/domain';
import { roleByName } from '../../../shared/role-names';
import type { Store } from '../store/store';

export type FilingRole = 'sent' | 'drafts';

const SPECIAL_USE: Record<FilingRole, string> = { sent: '\\Sent', drafts: '\\Drafts' };
const CREATE_AS: Record<FilingRole, string> = { sent: 'Sent', drafts: 'Drafts' };

export async function roleMailboxPath(
  client: ImapFlow,
  store: Store,
  accountId: AccountId,
  role: FilingRole,
): Promise<string> {
  const known = store.mailboxes.byRole(accountId, role);
  if (known?.selectable) return known.path;
  const listed = await client.list();
  const marked =
    listed.find((box) => box.specialUse === SPECIAL_USE[role] && !box.flags.has('\\Noselect')) ??
    listed.find((box) => roleByName(box.name) === role && !box.flags.has('\\Noselect'));
  if (marked) return marked.path;
  const name = CREATE_AS[role];
  await client.mailboxCreate(name).catch((error: { serverResponseCode?: string }) => {
    if (error.serverResponseCode !== 'ALREADYEXISTS') throw error;
  });
  return name;
}

/**
 * Selects `path` anew, every time. A session that already has the mailbox selected sees it as
 * it was at its last sync: Dovecot answers SEARCH (and STATUS) from that view, so a message
 * another connection added since would be missed, and a Sent copy filed twice. imapflow's
 * getMailboxLock skips the SELECT when the mailbox is already open, so it is not used here;
 * the session runs one task at a time, which is all the locking it needs.
 */
export async function selectFresh(client: ImapFlow, path: string, { readOnly }: { readOnly: boolean }): Promise<void> {
  await client.mailboxOpen(path, { readOnly });
}

/**
 * APPEND needs no selected mailbox, but Courier-IMAP refuses one to the mailbox the session has
 * open read-only ("Current box is selected READ-ONLY"), and the copy was just looked for there
 * with EXAMINE. CLOSE of a read-only mailbox expunges nothing (RFC 3501 6.4.2).
 */
export async function appendTo(
  client: ImapFlow,
  path: string,
  content: Buffer | string,
  flags: string[],
  date: Date,
): ReturnType<ImapFlow['append']> {
  if (client.mailbox && client.mailbox.path === path && client.mailbox.readOnly) await client.mailboxClose();
  return client.append(path, content, flags, date);
}

/** UIDs in `path` of messages with this Message-ID (SEARCH HEADER). */
export async function uidsByMessageId(client: ImapFlow, path: string, messageId: string): Promise<number[]> {
  await selectFresh(client, path, { readOnly: true });
  const uids = await client.search({ header: { 'message-id': messageId } }, { uid: true });
  return Array.isArray(uids) ? uids : [];
}
