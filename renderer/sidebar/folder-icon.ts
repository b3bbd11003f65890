// The icon for a folder: its special-use role decides, others are plain folders.
import type { MailboxRole } from '../../shared/domain';
import type { IconName } from '../ui/Icon';

const ROLE_ICONS: Record<MailboxRole, IconName> = {
  inbox: 'inbox',
  drafts: 'drafts',
  sent: 'sent',
  archive: 'archive',
  junk: 'junk',
  trash: 'trash',
};

export function folderIcon(role: MailboxRole | null): IconName {
  return role ? ROLE_ICONS[role] : 'folder';
}
