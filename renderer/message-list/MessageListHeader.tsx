// Above the list: the folder's name in the user's language and its counts.
import { useTranslation } from 'react-i18next';
import type { Mailbox } from '../../shared/domain';
import { folderDisplayName } from '../sidebar/folder-name';

export function MessageListHeader({ mailbox, total }: { mailbox: Mailbox | null; total: number | null }) {
  const { t } = useTranslation();
  const count = total ?? mailbox?.total ?? null;
  return (
    <div className="list-header">
      <h1 className="list-title">{mailbox ? folderDisplayName(mailbox, t) : t('app.title')}</h1>
      <p className="list-subtitle">
        {count !== null && <span>{t('messageList.count', { count })}</span>}
        {mailbox && mailbox.unread > 0 && (
          <span className="list-unread">{t('messageList.unreadCount', { count: mailbox.unread })}</span>
        )}
      </p>
    </div>
  );
}
