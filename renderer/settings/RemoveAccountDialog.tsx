// "Remove account…": an alert dialog that names the account and says what goes with it. The
// safe choice (Cancel) has the focus; nothing is removed until the user confirms.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import { FormProblem } from '../ui/FormProblem';

interface RemoveAccountDialogProps {
  account: Account;
  onCancel: () => void;
  onRemoved: () => void;
}

export function RemoveAccountDialog({ account, onCancel, onRemoved }: RemoveAccountDialogProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await transport.invoke('accounts.remove', { accountId: account.id });
      onRemoved();
    } catch (error) {
      setProblem(t('accountSettings.removeFailed', { reason: errorMessage(error, t) ?? t('common.unknownError') }));
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      label={t('accountSettings.removeTitle', { name: account.name })}
      describedBy={`${id}-description`}
      onClose={() => !busy && onCancel()}
    >
      <div className="dialog-form">
        <h2 className="dialog-title">{t('accountSettings.removeTitle', { name: account.name })}</h2>
        <p id={`${id}-description`} className="dialog-description">
          {t('accountSettings.removeDescription', { email: account.email })}
        </p>
        <FormProblem>{problem}</FormProblem>
        <div className="dialog-actions">
          <button type="button" className="button" autoFocus onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy}>
            {busy ? t('accountSettings.removing') : t('accountSettings.removeConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
