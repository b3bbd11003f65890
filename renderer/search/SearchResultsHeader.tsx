// Above the list while searching: what the list is and how many messages match.
import { useTranslation } from 'react-i18next';

export function SearchResultsHeader({ total, allMail }: { total: number | null; allMail: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="list-header">
      <h1 className="list-title">{t('search.title')}</h1>
      <p className="list-subtitle">
        <span>{allMail ? t('search.scopeAll') : t('search.scopeFolder')}</span>
        {total !== null && <span className="list-unread">{t('messageList.count', { count: total })}</span>}
      </p>
    </div>
  );
}
