// Above the list: its name in the user's language (the folder, or "All Inboxes"), its counts,
// and how it is sorted (a key and a direction, also in the command palette).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../shared/domain';
import { initialDirection, type ListSort, SORT_KEYS, type SortKey } from '../../shared/list-order';
import { folderDisplayName } from '../sidebar/folder-name';
import { IconButton } from '../ui/IconButton';
import { type ListSource, sourceMailboxes } from './list-source';

interface MessageListHeaderProps {
  source: ListSource | null;
  mailboxes: readonly Mailbox[];
  /** The list's own count once its first page has answered. */
  total: number | null;
  /** The list shows conversations: the count is of those, and they are newest first whatever the sort. */
  conversations?: boolean;
  /** Switches between conversations and messages (conversation-mode.ts). */
  onToggleConversations?: () => void;
  sort: ListSort;
  onSort: (sort: ListSort) => void;
}

/** Memoized: a key press that moves through the list changes none of its props. */
export const MessageListHeader = memo(function MessageListHeader({
  source,
  mailboxes,
  total,
  conversations = false,
  onToggleConversations,
  sort,
  onSort,
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
      <div className="list-header-row">
        <p className="list-subtitle">
          {count !== null && (
            <span>{t(conversations ? 'conversations.listCount' : 'messageList.count', { count })}</span>
          )}
          {unread > 0 && <span className="list-unread">{t('messageList.unreadCount', { count: unread })}</span>}
        </p>
        {/* conversations are always newest first: the sort is the message list's */}
        {!conversations && <ListSortControls sort={sort} onSort={onSort} />}
      </div>
    </div>
  );
});

/**
 * How the list is sorted: a memo of its own, since the header re-renders with every count that
 * changes (twice a second during a first sync) and the sort's labels (a dozen t() calls) do not.
 */
const ListSortControls = memo(function ListSortControls({
  sort,
  onSort,
}: {
  sort: ListSort;
  onSort: (sort: ListSort) => void;
}) {
  const { t } = useTranslation();
  const reversed = sort.direction === 'asc' ? 'desc' : 'asc';
  return (
    <div className="list-sort" role="group" aria-label={t('listOrder.sortGroup')}>
      <select
        className="list-sort-key"
        aria-label={t('listOrder.sortBy')}
        value={sort.by}
        onChange={(event) => {
          const by = event.target.value as SortKey;
          onSort({ by, direction: initialDirection(by) });
        }}
      >
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {t(`listOrder.keys.${key}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="list-sort-direction"
        aria-label={t('listOrder.directionNow', {
          order: t(`listOrder.directions.${sort.by}.${sort.direction}`),
        })}
        title={t('listOrder.switchTo', { order: t(`listOrder.directions.${sort.by}.${reversed}`) })}
        onClick={() => onSort({ by: sort.by, direction: reversed })}
      >
        <span aria-hidden="true">{sort.direction === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>
  );
});
