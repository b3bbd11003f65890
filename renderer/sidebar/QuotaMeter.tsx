// One account's storage use: a meter and "1.2 GB of 15 GB used" in the user's locale.
import { useTranslation } from 'react-i18next';
import type { Account, Quota } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { formatSize } from '../format/format-size';

export function QuotaMeter({ account, quota }: { account: Account; quota: Quota }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const used = formatSize(quota.usedBytes, locale);
  const text =
    quota.limitBytes !== null
      ? t('quota.usage', { used, limit: formatSize(quota.limitBytes, locale) })
      : t('quota.usedOnly', { used });
  const fraction = quota.limitBytes ? Math.min(1, quota.usedBytes / quota.limitBytes) : null;
  return (
    <div className="quota">
      <div className="quota-heading">
        <span className="quota-account">{account.name}</span>
        <span className="quota-text">{text}</span>
      </div>
      {fraction !== null && (
        <div
          className={fraction > 0.9 ? 'quota-meter is-full' : 'quota-meter'}
          role="meter"
          aria-label={t('quota.label', { account: account.name })}
          aria-valuemin={0}
          aria-valuemax={quota.limitBytes ?? 0}
          aria-valuenow={quota.usedBytes}
          aria-valuetext={text}
        >
          <div className="quota-fill" style={{ inlineSize: `${Math.max(2, fraction * 100)}%` }} />
        </div>
      )}
    </div>
  );
}
