// Changing an account's password from the settings (after changing it with the provider):
// `accounts.setPassword` keeps it the way the account keeps it and signs in again at once.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { type SaveOutcome, SubmitRow } from './SubmitRow';

export function AccountPasswordForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      await transport.invoke('accounts.setPassword', { accountId: account.id, password });
      setPassword('');
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: t('accountSettings.passwordFailed', { reason: errorMessage(error, t) ?? t('common.unknownError') }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="settings-section" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('accountSettings.password')}
      </h3>
      <div className="form-field">
        <label htmlFor={`${id}-password`}>{t('accountSettings.newPassword')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p id={`${id}-hint`} className="form-hint">
          {t('accountSettings.passwordHint')}
        </p>
      </div>
      <SubmitRow
        label={t('accountSettings.changePassword')}
        busyLabel={t('accountSettings.changingPassword')}
        savedText={t('accountSettings.passwordChanged')}
        busy={busy}
        disabled={!password || busy}
        outcome={outcome}
      />
    </form>
  );
}
