// The account's list of senders whose remote images are always shown, each with Forget.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId } from '../../shared/domain';
import { useRemoteSenders } from './use-remote-senders';

export function RemoteSendersSection({ accountId }: { accountId: AccountId }) {
  const { t } = useTranslation();
  const id = useId();
  const { senders, forget } = useRemoteSenders(accountId);
  return (
    <section className="settings-section" aria-labelledby={`${id}-senders-title`}>
      <h3 id={`${id}-senders-title`} className="settings-section-title">
        {t('accountSettings.senders')}
      </h3>
      {senders.length === 0 ? (
        <p className="form-hint">{t('accountSettings.sendersNone')}</p>
      ) : (
        <ul className="settings-senders">
          {senders.map((address) => (
            <li key={address}>
              <span>{address}</span>
              <button
                type="button"
                className="button button-small button-quiet"
                aria-label={t('accountSettings.forgetSender', { address })}
                onClick={() => forget(address)}
              >
                {t('accountSettings.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
