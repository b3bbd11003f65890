// Above the list while searching: what the list is, how many messages match, and how the
// server's half of the search went (searching, done, or why it could not run).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ServerSearchStatus } from './use-server-search';

function serverText(server: ServerSearchStatus, t: TFunction): string | null {
  switch (server.state) {
    case 'idle':
      return null;
    case 'searching':
      return t('serverSearch.searching');
    case 'failed':
      return t('serverSearch.failed');
    case 'answered': {
      const { result } = server;
      if (result.outcome === 'offline') return t('serverSearch.offline');
      if (result.outcome === 'partial') return t('serverSearch.partial', { count: result.unreachableFolders });
      if (result.outcome === 'done') return t('serverSearch.done', { count: result.searchedFolders });
      return null;
    }
  }
}

export function SearchResultsHeader({
  total,
  allMail,
  server = { state: 'idle' },
}: {
  total: number | null;
  allMail: boolean;
  server?: ServerSearchStatus;
}) {
  const { t } = useTranslation();
  const status = serverText(server, t);
  return (
    <div className="list-header">
      <h1 className="list-title">{t('search.title')}</h1>
      <p className="list-subtitle">
        <span>{allMail ? t('search.scopeAll') : t('search.scopeFolder')}</span>
        {total !== null && <span className="list-unread">{t('messageList.count', { count: total })}</span>}
      </p>
      {/* polite: the server answers a moment after the local results, and says so once */}
      <p className="list-subtitle search-server-status" role="status">
        {status}
      </p>
    </div>
  );
}
