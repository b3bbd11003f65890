// Step 4: the connection test, IMAP and SMTP each with its own result, in words a person can
// act on; a refused certificate shown with a button to trust it for that server alone; the
// password asked again where it was refused. "Add account" once both servers said yes.
import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSettings, TestOutcome } from '../../shared/discovery';
import type { ServerSettings } from '../../shared/domain';
import { Icon } from '../ui/Icon';
import type { TestState } from './AccountWizard';
import { CertificateDetails } from './CertificateDetails';
import { authRefused, bothConnected, trustableCertificate } from './wizard-state';

interface TestStepProps {
  id: string;
  settings: ConnectionSettings;
  test: TestState;
  password: string;
  onPassword: (password: string) => void;
  adding: boolean;
  addError: string | null;
  onTrust: (host: string, port: number, fingerprint256: string) => void;
  onRetest: () => void;
  onBack: () => void;
  onAdd: () => void;
}

export function TestStep(props: TestStepProps) {
  const { t } = useTranslation();
  const { id, settings, test } = props;
  const ready = bothConnected(test.result);
  const needPassword = authRefused(test.result);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (ready) addButton.current?.focus();
  }, [ready]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) props.onAdd();
    else if (!test.running) props.onRetest();
  };

  return (
    <form className="dialog-form" noValidate onSubmit={submit} aria-busy={test.running || props.adding}>
      <h2 className="dialog-title">{t('wizard.test.title')}</h2>
      <p id={`${id}-description`} className="dialog-description">
        {t('wizard.test.description')}
      </p>
      <div className="wizard-outcomes" aria-live="polite">
        <OutcomeRow
          id={`${id}-imap-result`}
          title={settings.protocol === 'pop3' ? t('pop3.incoming') : t('account.incoming')}
          server={settings.imap}
          outcome={test.running ? null : (test.result?.imap ?? null)}
          onTrust={props.onTrust}
        />
        <OutcomeRow
          id={`${id}-smtp-result`}
          title={t('account.outgoing')}
          server={settings.smtp}
          outcome={test.running ? null : (test.result?.smtp ?? null)}
          onTrust={props.onTrust}
        />
      </div>
      {needPassword && !test.running && (
        <div className="form-field">
          <label htmlFor={`${id}-password-again`}>{t('account.password')}</label>
          <input
            id={`${id}-password-again`}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={props.password}
            onChange={(event) => props.onPassword(event.target.value)}
          />
        </div>
      )}
      {(test.error || props.addError) && (
        <p className="form-problem" role="alert">
          {test.error ?? props.addError}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <button type="button" className="button" disabled={test.running} onClick={props.onRetest}>
          {t('wizard.test.again')}
        </button>
        <button ref={addButton} type="submit" className="button button-primary" disabled={!ready || props.adding}>
          {props.adding ? t('account.submitting') : t('account.submit')}
        </button>
      </div>
    </form>
  );
}

interface OutcomeRowProps {
  id: string;
  title: string;
  server: ServerSettings;
  /** null while the test runs */
  outcome: TestOutcome | null;
  onTrust: (host: string, port: number, fingerprint256: string) => void;
}

function OutcomeRow({ id, title, server, outcome, onTrust }: OutcomeRowProps) {
  const { t } = useTranslation();
  const state = outcome === null ? 'running' : outcome.ok ? 'ok' : 'failed';
  const certificate = outcome ? trustableCertificate(outcome) : null;
  const vars = { host: server.host, port: server.port };
  return (
    <section className="wizard-outcome" data-state={state} role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="wizard-outcome-title">
        <span className="wizard-outcome-mark" aria-hidden="true">
          {state === 'running' ? (
            <span className="wizard-spinner" />
          ) : (
            <Icon name={state === 'ok' ? 'check' : 'alert'} />
          )}
        </span>
        {title}
      </h3>
      <p className="wizard-outcome-text">
        {outcome === null
          ? t('wizard.test.running')
          : outcome.ok
            ? t('wizard.test.ok')
            : t(`wizard.test.failure.${outcome.kind}`, vars)}
      </p>
      {outcome && !outcome.ok && outcome.appPassword && <p className="wizard-note">{t('wizard.test.appPassword')}</p>}
      {outcome && !outcome.ok && outcome.serverText && (
        <p className="form-hint">{t('wizard.test.serverSaid', { text: outcome.serverText })}</p>
      )}
      {certificate && outcome && !outcome.ok && (
        <>
          <CertificateDetails
            certificate={certificate}
            {...(outcome.pinnedFingerprint256 ? { previousFingerprint: outcome.pinnedFingerprint256 } : {})}
          />
          <button
            type="button"
            className={outcome.kind === 'tls-changed' ? 'button wizard-danger' : 'button'}
            onClick={() => onTrust(server.host, server.port, certificate.fingerprint256)}
          >
            {outcome.kind === 'tls-changed'
              ? t('wizard.certificate.trustNew', vars)
              : t('wizard.certificate.trust', vars)}
          </button>
        </>
      )}
    </section>
  );
}
