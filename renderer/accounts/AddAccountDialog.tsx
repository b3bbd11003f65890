// The plain add-account form (role=dialog "Add account") until the wizard with autodiscovery
// lands. Server names default to imap./smtp. + the address's domain, ports follow security.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Security } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import {
  type AccountFormProblem,
  type AccountFormValues,
  type ServerFields,
  accountFormProblems,
  emptyAccountForm,
  suggestedHost,
  toAccountSettings,
  withSecurity,
} from './account-form';
import './account-dialog.css';

const SECURITY_CHOICES: Security[] = ['tls', 'starttls', 'plain'];

interface AddAccountDialogProps {
  onClose: () => void;
  onAdded: (account: Account) => void;
}

export function AddAccountDialog({ onClose, onAdded }: AddAccountDialogProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const [problems, setProblems] = useState<AccountFormProblem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (change: Partial<AccountFormValues>) => setValues((previous) => ({ ...previous, ...change }));
  const setServer = (kind: 'imap' | 'smtp', change: Partial<ServerFields>) =>
    setValues((previous) => ({ ...previous, [kind]: { ...previous[kind], ...change } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = accountFormProblems(values);
    setProblems(found);
    setServerError(null);
    if (found.length > 0) {
      document.getElementById(`${id}-${found[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const account = await transport.invoke('accounts.add', {
        settings: toAccountSettings(values),
        password: values.password,
      });
      onAdded(account);
    } catch (error) {
      setServerError(errorMessage(error) ?? t('common.unknownError'));
      setBusy(false);
    }
  };

  const invalid = (problem: AccountFormProblem) => (problems.includes(problem) ? true : undefined);

  const serverFields = (kind: 'imap' | 'smtp') => {
    const server = values[kind];
    const hostProblem: AccountFormProblem = kind === 'imap' ? 'imapHost' : 'smtpHost';
    const portProblem: AccountFormProblem = kind === 'imap' ? 'imapPort' : 'smtpPort';
    return (
      <fieldset className="server-fieldset">
        <legend>{kind === 'imap' ? t('account.incoming') : t('account.outgoing')}</legend>
        <div className="server-grid">
          <div className="form-field server-host">
            <label htmlFor={`${id}-${hostProblem}`}>
              {kind === 'imap' ? t('account.imapHost') : t('account.smtpHost')}
            </label>
            <input
              id={`${id}-${hostProblem}`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={suggestedHost(kind, values.email)}
              aria-invalid={invalid(hostProblem)}
              value={server.host}
              onChange={(event) => setServer(kind, { host: event.target.value })}
            />
          </div>
          <div className="form-field server-port">
            <label htmlFor={`${id}-${portProblem}`}>
              {kind === 'imap' ? t('account.imapPort') : t('account.smtpPort')}
            </label>
            <input
              id={`${id}-${portProblem}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={65535}
              aria-invalid={invalid(portProblem)}
              value={server.port}
              onChange={(event) => setServer(kind, { port: event.target.value })}
            />
          </div>
          <div className="form-field server-security">
            <label htmlFor={`${id}-${kind}-security`}>
              {kind === 'imap' ? t('account.imapSecurity') : t('account.smtpSecurity')}
            </label>
            <select
              id={`${id}-${kind}-security`}
              value={server.security}
              onChange={(event) =>
                setValues((previous) => ({
                  ...previous,
                  [kind]: withSecurity(kind, previous[kind], event.target.value as Security),
                }))
              }
            >
              {SECURITY_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`account.security.${choice}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {server.security === 'plain' && <p className="form-warning">{t('account.plainWarning')}</p>}
      </fieldset>
    );
  };

  return (
    <Dialog label={t('account.label')} onClose={onClose} className="account-dialog" describedBy={`${id}-description`}>
      <form className="dialog-form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 className="dialog-title">{t('account.label')}</h2>
        <p id={`${id}-description`} className="dialog-description">
          {t('account.description')}
        </p>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('account.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="name"
            autoFocus
            placeholder={t('account.namePlaceholder')}
            value={values.name}
            onChange={(event) => set({ name: event.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-email`}>{t('account.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            spellCheck={false}
            placeholder={t('account.emailPlaceholder')}
            aria-invalid={invalid('email')}
            value={values.email}
            onChange={(event) => set({ email: event.target.value })}
          />
        </div>
        <div className="form-row">
          <div className="form-field">
            <label htmlFor={`${id}-password`}>{t('account.password')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="current-password"
              aria-invalid={invalid('password')}
              value={values.password}
              onChange={(event) => set({ password: event.target.value })}
            />
          </div>
          <div className="form-field">
            <label htmlFor={`${id}-username`}>{t('account.username')}</label>
            <input
              id={`${id}-username`}
              type="text"
              autoComplete="username"
              spellCheck={false}
              placeholder={t('account.usernamePlaceholder')}
              value={values.username}
              onChange={(event) => set({ username: event.target.value })}
            />
          </div>
        </div>
        {serverFields('imap')}
        {serverFields('smtp')}
        {(problems.length > 0 || serverError) && (
          <div className="form-problem" role="alert">
            {problems.map((problem) => (
              <p key={problem}>{t(`account.problem.${problem}`)}</p>
            ))}
            {serverError && <p>{serverError}</p>}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('account.submitting') : t('account.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
