// A list page that could not be read: the reason, and a button that reads it again.
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/error-message';
import { Icon } from '../ui/Icon';

export function ListLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="list-error" role="alert">
      <Icon name="alert" />
      <span>{t('messageList.loadFailed', { reason: errorMessage(error, t) ?? t('common.unknownError') })}</span>
      <button type="button" className="button button-small" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
