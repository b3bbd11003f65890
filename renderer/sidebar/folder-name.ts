// Special-use folders are shown in the user's language (Inbox/Inkorg, Sent/Skickat, ...);
// the server's real name and path stay untouched and are used for everything else.
import type { TFunction } from 'i18next';
import type { Mailbox } from '../../shared/domain';
import { effectiveRole } from './folder-tree';

export function folderDisplayName(mailbox: Pick<Mailbox, 'role' | 'path' | 'name'>, t: TFunction): string {
  const role = effectiveRole(mailbox);
  return role ? t(`folders.role.${role}`) : mailbox.name;
}
