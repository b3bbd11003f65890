// How far back this account's mail is downloaded for offline reading and search (off, 30, 90,
// 365 days, all). Saved as soon as it is chosen: the download starts or stops in the background.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_OFFLINE_PERIOD, OFFLINE_PERIODS, type OfflinePeriod } from '../../shared/contract-search';
import type { AccountId } from '../../shared/domain';
import { useTransport } from '../app/app-services';

export function OfflineBodiesSection({ accountId }: { accountId: AccountId }) {
  const { t } = useTranslation();
  const id = useId();
  const transport = useTransport();
  const [period, setPeriod] = useState<OfflinePeriod | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    transport
      .invoke('offlineBodies.settings', {})
      .then((settings) => {
        if (current) setPeriod(settings.find((s) => s.accountId === accountId)?.period ?? DEFAULT_OFFLINE_PERIOD);
      })
      .catch(() => current && setPeriod(DEFAULT_OFFLINE_PERIOD));
    return () => {
      current = false;
    };
  }, [transport, accountId]);

  const choose = (next: OfflinePeriod) => {
    setPeriod(next);
    setFailed(false);
    transport.invoke('offlineBodies.setPeriod', { accountId, period: next }).catch(() => setFailed(true));
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('offlineBodies.title')}
      </h3>
      <div className="form-field">
        <label htmlFor={`${id}-period`}>{t('offlineBodies.period')}</label>
        <select
          id={`${id}-period`}
          value={period ?? DEFAULT_OFFLINE_PERIOD}
          disabled={period === null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => choose(event.target.value as OfflinePeriod)}
        >
          {OFFLINE_PERIODS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`offlineBodies.periods.${choice}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="form-hint">
          {failed ? t('offlineBodies.saveFailed') : t('offlineBodies.hint')}
        </p>
      </div>
    </section>
  );
}
