// Step 1: who the user is and the password, and whether it is remembered on this computer
// (with a plain warning where the platform cannot protect a stored password).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStrength } from '../../shared/discovery';
import { FormFooter } from '../ui/FormFooter';
import { StepProblems } from './StepProblems';
import { identityProblems, type IdentityProblem, type IdentityValues } from './wizard-state';

interface IdentityStepProps {
  id: string;
  values: IdentityValues;
  strength: SecretStrength | null;
  onChange: (change: Partial<IdentityValues>) => void;
  onContinue: () => void;
  onManual: () => void;
  onCancel: () => void;
}

export function IdentityStep({ id, values, strength, onChange, onContinue, onManual, onCancel }: IdentityStepProps) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<IdentityProblem[]>([]);

  const check = (): boolean => {
    const found = identityProblems(values);
    setProblems(found);
    if (found.length > 0) document.getElementById(`${id}-${found[0]}`)?.focus();
    return found.length === 0;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check()) onContinue();
  };

  const invalid = (problem: IdentityProblem) => (problems.includes(problem) ? true : undefined);

  return (
    <form className="dialog-form" noValidate onSubmit={submit}>
      <h2 className="dialog-title">{t('wizard.identity.title')}</h2>
      <p id={`${id}-description`} className="dialog-description">
        {t('wizard.identity.description')}
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
          onChange={(event) => onChange({ name: event.target.value })}
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
          onChange={(event) => onChange({ email: event.target.value })}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-password`}>{t('account.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          aria-invalid={invalid('password')}
          value={values.password}
          onChange={(event) => onChange({ password: event.target.value })}
        />
      </div>
      <div className="wizard-check">
        <input
          id={`${id}-remember`}
          type="checkbox"
          checked={values.rememberPassword}
          aria-describedby={strength ? `${id}-strength` : undefined}
          onChange={(event) => onChange({ rememberPassword: event.target.checked })}
        />
        <label htmlFor={`${id}-remember`}>{t('wizard.identity.remember')}</label>
      </div>
      {strength && (
        <p id={`${id}-strength`} className={strength === 'weak' ? 'wizard-note is-warning' : 'form-hint'}>
          {t(`wizard.identity.strength.${strength}`)}
        </p>
      )}
      <StepProblems problems={problems} />
      <FormFooter
        className="wizard-actions"
        before={
          <button type="button" className="button button-quiet wizard-secondary" onClick={() => check() && onManual()}>
            {t('wizard.identity.manual')}
          </button>
        }
        leaveLabel={t('common.cancel')}
        onLeave={onCancel}
        submitLabel={t('wizard.identity.continue')}
      />
    </form>
  );
}
