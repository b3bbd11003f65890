// One account's settings: its name, the name recipients see, the signature, how often the
// folders IDLE does not watch are checked, remote images (the default and the senders always
// allowed), the password, and removing the account.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Account, RemoteImagesPolicy } from '../../shared/domain';
import {
  type AccountSettingsValues,
  settingsChanges,
  settingsProblems,
  settingsValues,
  syncIntervalChoices,
} from '../accounts/account-settings-form';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { useTransportEvent } from '../app/use-transport-event';
import { AccountPasswordForm } from './AccountPasswordForm';
import { RemoveAccountDialog } from './RemoveAccountDialog';
import { type SaveOutcome, SubmitRow } from './SubmitRow';

function intervalLabel(seconds: number, t: TFunction): string {
  return seconds % 60 === 0
    ? t('accountSettings.intervalMinutes', { count: seconds / 60 })
    : t('accountSettings.intervalSeconds', { count: seconds });
}

const REMOTE_CHOICES: readonly RemoteImagesPolicy[] = ['ask', 'always'];

interface AccountSettingsFormProps {
  account: Account;
  onRemoved: () => void;
}

export function AccountSettingsForm({ account, onRemoved }: AccountSettingsFormProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [values, setValues] = useState<AccountSettingsValues>(() => settingsValues(account));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [senders, setSenders] = useState<string[]>([]);

  const loadSenders = useCallback(() => {
    transport
      .invoke('accounts.remoteSenders', { accountId: account.id })
      .then((list) => setSenders(list.map((sender) => sender.address)))
      .catch(() => undefined);
  }, [transport, account.id]);
  useEffect(loadSenders, [loadSenders]);
  useTransportEvent('accounts.changed', (change) => change.accountId === account.id && loadSenders());

  const problems = settingsProblems(values);
  const changes = settingsChanges(account, values);
  const dirty = Object.keys(changes).length > 0;
  const change = (next: Partial<AccountSettingsValues>) => {
    setValues((previous) => ({ ...previous, ...next }));
    setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    if (!dirty) return;
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await transport.invoke('accounts.update', { accountId: account.id, ...changes });
      setValues(settingsValues(saved));
      setShowProblems(false);
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

  const forgetSender = (address: string) => {
    setSenders((list) => list.filter((item) => item !== address));
    transport.invoke('accounts.forgetRemoteSender', { accountId: account.id, address }).catch(loadSenders);
  };

  const nameInvalid = showProblems && problems.includes('name');

  return (
    <div className="account-settings" aria-label={t('accountSettings.formLabel', { name: account.name })} role="group">
      <form className="settings-section" onSubmit={(event) => void save(event)} noValidate>
        <p className="account-settings-email">{account.email}</p>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('accountSettings.name')}</label>
          <input
            id={`${id}-name`}
            value={values.name}
            maxLength={200}
            aria-invalid={nameInvalid || undefined}
            aria-describedby={`${id}-name-hint`}
            onChange={(event) => change({ name: event.target.value })}
          />
          <p id={`${id}-name-hint`} className="form-hint">
            {t('accountSettings.nameHint')}
          </p>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-display`}>{t('accountSettings.displayName')}</label>
          <input
            id={`${id}-display`}
            value={values.displayName}
            maxLength={200}
            autoComplete="name"
            aria-describedby={`${id}-display-hint`}
            onChange={(event) => change({ displayName: event.target.value })}
          />
          <p id={`${id}-display-hint`} className="form-hint">
            {t('accountSettings.displayNameHint', { email: account.email })}
          </p>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-signature`}>{t('accountSettings.signature')}</label>
          <textarea
            id={`${id}-signature`}
            className="settings-textarea"
            rows={4}
            maxLength={20_000}
            value={values.signature}
            aria-describedby={`${id}-signature-hint`}
            onChange={(event) => change({ signature: event.target.value })}
          />
          <p id={`${id}-signature-hint`} className="form-hint">
            {t('accountSettings.signatureHint')}
          </p>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-interval`}>{t('accountSettings.interval')}</label>
          <select
            id={`${id}-interval`}
            value={values.syncIntervalSeconds}
            aria-describedby={`${id}-interval-hint`}
            onChange={(event) => change({ syncIntervalSeconds: Number(event.target.value) })}
          >
            {syncIntervalChoices(settingsValues(account).syncIntervalSeconds).map((seconds) => (
              <option key={seconds} value={seconds}>
                {intervalLabel(seconds, t)}
              </option>
            ))}
          </select>
          <p id={`${id}-interval-hint`} className="form-hint">
            {t('accountSettings.intervalHint')}
          </p>
        </div>
        <fieldset className="settings-fieldset" aria-describedby={`${id}-remote-hint`}>
          <legend>{t('accountSettings.remoteImages')}</legend>
          {REMOTE_CHOICES.map((choice) => (
            <label key={choice} className="settings-radio">
              <input
                type="radio"
                name={`${id}-remote`}
                value={choice}
                checked={values.remoteImages === choice}
                onChange={() => change({ remoteImages: choice })}
              />
              {t(`accountSettings.remoteImagesChoice.${choice}`)}
            </label>
          ))}
          <p id={`${id}-remote-hint`} className="form-hint">
            {t('accountSettings.remoteImagesHint')}
          </p>
        </fieldset>
        {nameInvalid && (
          <p className="form-problem" role="alert">
            {t('accountSettings.problem.name')}
          </p>
        )}
        <SubmitRow
          label={t('accountSettings.save')}
          busyLabel={t('accountSettings.saving')}
          savedText={t('accountSettings.saved')}
          busy={busy}
          disabled={busy || !dirty}
          outcome={outcome}
          primary
        />
      </form>

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
                  onClick={() => forgetSender(address)}
                >
                  {t('accountSettings.forget')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AccountPasswordForm account={account} />

      <section className="settings-section" aria-labelledby={`${id}-remove-title`}>
        <h3 id={`${id}-remove-title`} className="settings-section-title">
          {t('accountSettings.removeSection')}
        </h3>
        <p className="form-hint">{t('accountSettings.removeHint')}</p>
        <div>
          <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(true)}>
            {t('accountSettings.removeAccount')}
          </button>
        </div>
      </section>
      {removing && (
        <RemoveAccountDialog
          account={account}
          onCancel={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            onRemoved();
          }}
        />
      )}
    </div>
  );
}
