// Step 1 of a sync: the mailbox tree, with special-use roles. Servers without SPECIAL-USE
// still get roles from well-known names, so Archive and Trash work everywhere.
import type { ImapFlow, ListResponse } from 'imapflow';
import type { MailboxRole } from '../../../../shared/domain';
import type { ListedMailbox } from '../../store/mailboxes-repo';

const SPECIAL_USE: Record<string, MailboxRole> = {
  '\\Inbox': 'inbox',
  '\\Drafts': 'drafts',
  '\\Sent': 'sent',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
};

// Names seen in the wild for servers without SPECIAL-USE (lower-cased, last path segment).
const NAME_FALLBACKS: [MailboxRole, string[]][] = [
  ['drafts', ['drafts', 'draft', 'entwürfe', 'utkast', 'brouillons', 'borradores']],
  ['sent', ['sent', 'sent items', 'sent mail', 'sent messages', 'gesendet', 'skickat', 'skickade', 'envoyés']],
  ['trash', ['trash', 'deleted items', 'deleted messages', 'deleted', 'bin', 'papierkorb', 'papperskorg', 'corbeille']],
  ['junk', ['junk', 'spam', 'junk e-mail', 'junk email', 'bulk mail', 'skräppost']],
  ['archive', ['archive', 'archives', 'all mail', 'arkiv', 'archiv']],
];

export function roleOf(
  entry: Pick<ListResponse, 'path' | 'name' | 'specialUse'>,
  taken: Set<MailboxRole>,
): MailboxRole | null {
  if (entry.path.toUpperCase() === 'INBOX') return 'inbox';
  const special = entry.specialUse ? SPECIAL_USE[entry.specialUse] : undefined;
  if (special) return special;
  const name = entry.name.toLowerCase();
  for (const [role, names] of NAME_FALLBACKS) if (!taken.has(role) && names.includes(name)) return role;
  return null;
}

export async function listMailboxes(client: ImapFlow): Promise<ListedMailbox[]> {
  const entries = await client.list({ statusQuery: { messages: true, unseen: true } });
  // Real SPECIAL-USE flags win over name guesses: assign them first.
  const taken = new Set<MailboxRole>();
  for (const e of entries) {
    const special = e.specialUse ? SPECIAL_USE[e.specialUse] : undefined;
    if (special) taken.add(special);
  }
  return entries
    .filter((e) => !e.flags.has('\\NonExistent'))
    .map((e) => {
      const role = roleOf(e, taken);
      if (role) taken.add(role);
      return {
        path: e.path,
        name: e.name,
        parentPath: e.parentPath || null,
        delimiter: e.delimiter ?? '/',
        role,
        subscribed: e.subscribed ?? true,
        selectable: !e.flags.has('\\Noselect'),
        unread: e.status?.unseen ?? null,
        total: e.status?.messages ?? null,
      };
    });
}
