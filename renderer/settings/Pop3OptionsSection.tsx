// A POP3 account's options: keep mail on the server (the default), remove it N days after it was
// downloaded, remove what is deleted here. Saved on their own, applied from the next check.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Pop3Options } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { SubmitRow, type SaveOutcome } from './SubmitRow';

const DEFAULT_DAYS = 14;

function optionsOf(account: Account): Pop3Options {
  return account.pop3 ?? { leaveOnServer: true, deleteAfterDays: null, deleteWhenDeletedHere: false };
}

export function Pop3OptionsSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const id = useId();
  const transport = useTransport();
  const [options, setOptions] = useState<Pop3Options>(() => optionsOf(account));
  const [days, setDays] = useState(String(optionsOf(account).deleteAfterDays ?? DEFAULT_DAYS));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const daysValue = Number(days);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 3650;
  const next: Pop3Options = {
    ...options,
    deleteAfterDays: options.leaveOnServer && options.deleteAfterDays !== null && daysValid ? daysValue : null,
  };
  const saved = optionsOf(account);
  const dirty = JSON.stringify(next) !== JSON.stringify(saved);
  const change = (change: Partial<Pop3Options>) => {
    setOptions((previous) => ({ ...previous, ...change }));
    setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !dirty) return;
    setBusy(true);
    try {
      const updated = await transport.invoke('accounts.setPop3Options', { accountId: account.id, options: next });
      setOptions(optionsOf(updated));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: t('accountSettings.saveFailed', { reason: errorMessage(error, t) ?? t('common.unknownError') }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="settings-section"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void save(event)}
      noValidate
    >
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('pop3.options.title')}
      </h3>
      <p className="form-hint">{t('pop3.options.hint')}</p>
      <div className="wizard-check">
        <input
          id={`${id}-leave`}
          type="checkbox"
          checked={options.leaveOnServer}
          onChange={(event) => change({ leaveOnServer: event.target.checked })}
        />
        <label htmlFor={`${id}-leave`}>{t('pop3.options.leaveOnServer')}</label>
      </div>
      <div className="wizard-check">
        <input
          id={`${id}-after`}
          type="checkbox"
          disabled={!options.leaveOnServer}
          checked={options.leaveOnServer && options.deleteAfterDays !== null}
          onChange={(event) => change({ deleteAfterDays: event.target.checked ? daysValue || DEFAULT_DAYS : null })}
        />
        <label htmlFor={`${id}-after`}>{t('pop3.options.deleteAfter')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          className="pop3-days"
          aria-label={t('pop3.options.days')}
          aria-invalid={daysValid ? undefined : true}
          disabled={!options.leaveOnServer || options.deleteAfterDays === null}
          value={days}
          onChange={(event) => {
            setDays(event.target.value);
            setOutcome(null);
          }}
        />
      </div>
      <div className="wizard-check">
        <input
          id={`${id}-deleted`}
          type="checkbox"
          checked={options.deleteWhenDeletedHere}
          onChange={(event) => change({ deleteWhenDeletedHere: event.target.checked })}
        />
        <label htmlFor={`${id}-deleted`}>{t('pop3.options.deleteWhenDeletedHere')}</label>
      </div>
      <SubmitRow
        label={t('accountSettings.save')}
        busyLabel={t('accountSettings.saving')}
        savedText={t('accountSettings.saved')}
        busy={busy}
        disabled={busy || !dirty || (options.deleteAfterDays !== null && !daysValid)}
        outcome={outcome}
      />
    </form>
  );
}
