// Above a message shown in dark colours: says so, and brings back its own colours on request
// (for this message; the setting in Appearance turns dark mail off for good).
import { useTranslation } from 'react-i18next';

export function OriginalColoursBar({ onShowOriginal }: { onShowOriginal: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="original-colours-bar">
      <span>{t('appearance.darkenedNotice')}</span>
      <button type="button" className="button" onClick={onShowOriginal}>
        {t('appearance.showOriginalColours')}
      </button>
    </div>
  );
}
