// Re-entering a password after the server refused it: `accounts.setPassword`, then a sync.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import { FormProblem } from '../ui/FormProblem';
import { FormFooter } from '../ui/FormFooter';

export function PasswordDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await transport.invoke('accounts.setPassword', { accountId: account.id, password });
      await transport.invoke('sync.now', { accountId: account.id }).catch(() => undefined);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error, t) ?? t('common.unknownError'));
      setBusy(false);
    }
  };

  return (
    <Dialog label={t('password.label')} onClose={onClose} describedBy={`${id}-description`}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <h2 className="dialog-title">{t('password.label')}</h2>
        <p id={`${id}-description`} className="dialog-description">
          {t('password.description', { email: account.email })}
        </p>
        <div className="form-field">
          <label htmlFor={`${id}-password`}>{t('password.field')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <FormProblem>{problem}</FormProblem>
        <FormFooter
          leaveLabel={t('common.cancel')}
          onLeave={onClose}
          submitLabel={busy ? t('password.submitting') : t('password.submit')}
          submitDisabled={!password || busy}
        />
      </form>
    </Dialog>
  );
}
