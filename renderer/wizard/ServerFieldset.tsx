// One server's fields (host, port, security) with the cleartext warning. Switching security
// switches a standard port with it.
import { useTranslation } from 'react-i18next';
import { isLoopbackHost } from '../../shared/discovery';
import type { Security } from '../../shared/domain';
import { withSecurity, type ServerFields } from '../accounts/account-form';
import type { SettingsProblem } from './wizard-state';

const SECURITY_CHOICES: Security[] = ['tls', 'starttls', 'plain'];

interface ServerFieldsetProps {
  id: string;
  kind: 'imap' | 'smtp';
  server: ServerFields;
  problems: readonly SettingsProblem[];
  onChange: (server: ServerFields) => void;
}

export function ServerFieldset({ id, kind, server, problems, onChange }: ServerFieldsetProps) {
  const { t } = useTranslation();
  const hostProblem: SettingsProblem = kind === 'imap' ? 'imapHost' : 'smtpHost';
  const portProblem: SettingsProblem = kind === 'imap' ? 'imapPort' : 'smtpPort';
  const invalid = (problem: SettingsProblem) => (problems.includes(problem) ? true : undefined);
  const host = server.host.trim();
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
            aria-invalid={invalid(hostProblem)}
            value={server.host}
            onChange={(event) => onChange({ ...server, host: event.target.value })}
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
            onChange={(event) => onChange({ ...server, port: event.target.value })}
          />
        </div>
        <div className="form-field server-security">
          <label htmlFor={`${id}-${kind}-security`}>
            {kind === 'imap' ? t('account.imapSecurity') : t('account.smtpSecurity')}
          </label>
          <select
            id={`${id}-${kind}-security`}
            value={server.security}
            aria-describedby={server.security === 'plain' ? `${id}-${kind}-plain` : undefined}
            onChange={(event) => onChange(withSecurity(kind, server, event.target.value as Security))}
          >
            {SECURITY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`account.security.${choice}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {server.security === 'plain' && (
        <p id={`${id}-${kind}-plain`} className="wizard-note is-warning" role="alert">
          {t('account.plainWarning')}
          {host && isLoopbackHost(host) && <> {t('wizard.settings.plainLocal', { host })}</>}
        </p>
      )}
    </fieldset>
  );
}
