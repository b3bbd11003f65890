// Above the list: its name in the user's language (the folder, or "All Inboxes") and its counts.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../shared/domain';
import { folderDisplayName } from '../sidebar/folder-name';
import { IconButton } from '../ui/IconButton';
import { type ListSource, sourceMailboxes } from './list-source';

interface MessageListHeaderProps {
  source: ListSource | null;
  mailboxes: readonly Mailbox[];
  /** The list's own count once its first page has answered. */
  total: number | null;
  /** The list shows conversations: the count is of those. */
  conversations?: boolean;
  /** Switches between conversations and messages (conversation-mode.ts). */
  onToggleConversations?: () => void;
}

/** Memoized: a key press that moves through the list changes none of its props. */
export const MessageListHeader = memo(function MessageListHeader({
  source,
  mailboxes,
  total,
  conversations = false,
  onToggleConversations,
}: MessageListHeaderProps) {
  const { t } = useTranslation();
  const shown = sourceMailboxes(source, mailboxes);
  const count =
    total ?? (shown.length > 0 && !conversations ? shown.reduce((sum, mailbox) => sum + mailbox.total, 0) : null);
  const unread = shown.reduce((sum, mailbox) => sum + mailbox.unread, 0);
  const title =
    source?.kind === 'unified'
      ? t(`unified.folder.${source.role}`)
      : shown[0]
        ? folderDisplayName(shown[0], t)
        : t('app.title');
  return (
    <div className="list-header">
      <div className="list-title-row">
        <h1 className="list-title">{title}</h1>
        {onToggleConversations && (
          <IconButton
            icon={conversations ? 'replyAll' : 'mail'}
            label={t(conversations ? 'conversations.toggleOn' : 'conversations.toggleOff')}
            pressed={conversations}
            className="conversation-toggle"
            onClick={onToggleConversations}
          />
        )}
      </div>
      <p className="list-subtitle">
        {count !== null && <span>{t(conversations ? 'conversations.listCount' : 'messageList.count', { count })}</span>}
        {unread > 0 && <span className="list-unread">{t('messageList.unreadCount', { count: unread })}</span>}
      </p>
    </div>
  );
});
