// Once remote content is allowed: says that its images are on their way, and afterwards how
// many could not be loaded (refused by the engine as unsafe, not images, too large, or gone).
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

export function RemoteImagesStatus({ loading, failed }: { loading: boolean; failed: number }) {
  const { t } = useTranslation();
  if (!loading && failed === 0) return null;
  return (
    // aria-live without role=status: the app's one status element is the status bar (docs/accessibility.md)
    <div className="remote-status" aria-live="polite">
      <Icon name="image" />
      <span>{loading ? t('remote.loading') : t('remote.failed', { count: failed })}</span>
    </div>
  );
}
