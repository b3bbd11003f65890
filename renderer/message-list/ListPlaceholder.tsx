// What the list area says when it has no rows to show: no folder chosen, or an empty one
// (search results say "No messages match" instead, through `emptyText`).
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

interface ListPlaceholderProps {
  /** False when no folder is chosen. */
  hasList: boolean;
  emptyText?: { title: string; hint: string };
}

export function ListPlaceholder({ hasList, emptyText }: ListPlaceholderProps) {
  const { t } = useTranslation();
  return (
    <div className="list-placeholder">
      <Icon name={hasList ? 'inbox' : 'folder'} size={32} />
      <p className="list-placeholder-title">
        {hasList ? (emptyText?.title ?? t('messageList.empty')) : t('messageList.noFolder')}
      </p>
      {hasList && <p className="list-placeholder-hint">{emptyText?.hint ?? t('messageList.emptyHint')}</p>}
    </div>
  );
}
