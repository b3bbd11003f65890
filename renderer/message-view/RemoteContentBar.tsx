// Shown while a message's remote content is blocked: load it once, or always for this sender.
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

interface RemoteContentBarProps {
  onLoadOnce: () => void;
  onAlwaysForSender: (() => void) | null;
}

export function RemoteContentBar({ onLoadOnce, onAlwaysForSender }: RemoteContentBarProps) {
  const { t } = useTranslation();
  return (
    <div className="remote-bar">
      <Icon name="image" />
      <div className="remote-bar-text">
        <strong>{t('remote.blocked')}</strong>
        <span>{t('remote.explanation')}</span>
      </div>
      <div className="remote-bar-actions">
        <button type="button" className="button button-small" onClick={onLoadOnce}>
          {t('remote.loadOnce')}
        </button>
        {onAlwaysForSender && (
          <button type="button" className="button button-small" onClick={onAlwaysForSender}>
            {t('remote.alwaysForSender')}
          </button>
        )}
      </div>
    </div>
  );
}
