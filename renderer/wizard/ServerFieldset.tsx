// One server's fields (host, port, security) with the cleartext warning. Switching security
// switches a standard port with it.
import { useTranslation } from 'react-i18next';
import { isLoopbackHost } from '../../shared/discovery';
import type { Security } from '../../shared/domain';
import { withSecurity, type ServerFields } from '../accounts/account-form';
import type { SettingsProblem } from './wizard-state';

const SECURITY_CHOICES: Security[] = ['tls', 'starttls', 'plain'];

const IMAP_LABELS = {
  incoming: 'account.incoming',
  host: 'account.imapHost',
  port: 'account.imapPort',
  security: 'account.imapSecurity',
} as const;
const POP3_LABELS = {
  incoming: 'pop3.incoming',
  host: 'pop3.host',
  port: 'pop3.port',
  security: 'pop3.security',
} as const;
const SMTP_LABELS = {
  incoming: 'account.outgoing',
  host: 'account.smtpHost',
  port: 'account.smtpPort',
  security: 'account.smtpSecurity',
} as const;

interface ServerFieldsetProps {
  id: string;
  kind: 'imap' | 'smtp';
  /** The incoming server is a POP3 server: its labels say so, and security switches POP3's ports. */
  pop3?: boolean;
  server: ServerFields;
  problems: readonly SettingsProblem[];
  onChange: (server: ServerFields) => void;
}

export function ServerFieldset({ id, kind, pop3 = false, server, problems, onChange }: ServerFieldsetProps) {
  const { t } = useTranslation();
  // POP3's incoming server has its own labels (and ports); the field ids stay those of IMAP's
  type Field = 'incoming' | 'host' | 'port' | 'security';
  const label = (field: Field): string => {
    if (kind === 'smtp') return t(SMTP_LABELS[field]);
    return pop3 ? t(POP3_LABELS[field]) : t(IMAP_LABELS[field]);
  };
  const hostProblem: SettingsProblem = kind === 'imap' ? 'imapHost' : 'smtpHost';
  const portProblem: SettingsProblem = kind === 'imap' ? 'imapPort' : 'smtpPort';
  const invalid = (problem: SettingsProblem) => (problems.includes(problem) ? true : undefined);
  const host = server.host.trim();
  return (
    <fieldset className="server-fieldset">
      <legend>{label('incoming')}</legend>
      <div className="server-grid">
        <div className="form-field server-host">
          <label htmlFor={`${id}-${hostProblem}`}>{label('host')}</label>
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
          <label htmlFor={`${id}-${portProblem}`}>{label('port')}</label>
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
          <label htmlFor={`${id}-${kind}-security`}>{label('security')}</label>
          <select
            id={`${id}-${kind}-security`}
            value={server.security}
            aria-describedby={server.security === 'plain' ? `${id}-${kind}-plain` : undefined}
            onChange={(event) => onChange(withSecurity(pop3 ? 'pop3' : kind, server, event.target.value as Security))}
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
