// What start-up found about how the user's data is kept (a damaged cache set aside and rebuilt,
// passwords stored without a keychain), shown once above the status bar until dismissed. Asked
// for, not listened to: start-up is over before the window subscribes to events.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupNotice } from '../../shared/domain';
import { useTransport } from '../app/app-services';

export function StartupNotices() {
  const { t } = useTranslation();
  const transport = useTransport();
  const [notices, setNotices] = useState<StartupNotice[]>([]);

  useEffect(() => {
    let live = true;
    transport
      .invoke('app.notices', {})
      .then((found) => {
        if (live) setNotices(found);
      })
      // an older engine without the method has nothing to tell
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transport]);

  if (notices.length === 0) return null;
  return (
    <div className="startup-notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.kind} className="startup-notice">
          {noticeText(notice, t)}
          <button
            type="button"
            className="button button-small"
            onClick={() => setNotices((shown) => shown.filter((other) => other !== notice))}
          >
            {t('startupNotices.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}

function noticeText(notice: StartupNotice, t: TFunction): string {
  switch (notice.kind) {
    case 'cache-rebuilt':
      return notice.restored
        ? t('startupNotices.cacheRebuilt', { file: notice.keptAs })
        : t('startupNotices.cacheRebuiltNothingRestored', { file: notice.keptAs });
    case 'cache-missing':
      return t('startupNotices.cacheMissing');
    case 'backup-damaged':
      return t('startupNotices.backupDamaged', { file: notice.keptAs });
    case 'backup-failed':
      return t('startupNotices.backupFailed');
    case 'weak-secret-storage':
      return t('startupNotices.weakSecretStorage');
  }
}
