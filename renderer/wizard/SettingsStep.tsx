// Step 3: the settings, found or typed, all editable: user name, IMAP and SMTP server. What the
// provider needs to know (app passwords, Proton Mail Bridge, OAuth-only) is said here, and a
// cleartext login to another computer needs a second, explicit confirmation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveryResult } from '../../shared/discovery';
import type { Account, AccountSettings } from '../../shared/domain';
import type { ServerFields } from '../accounts/account-form';
import { FormFooter } from '../ui/FormFooter';
import { StepProblems } from './StepProblems';
import { ProtocolChoice } from './ProtocolChoice';
import { OAuthChoice } from './OAuthChoice';
import { ServerFieldset } from './ServerFieldset';
import { useOAuthProvider } from './use-oauth-provider';
import {
  emailDomain,
  needsPlaintextConfirmation,
  outsideDomainToConfirm,
  plaintextConfirmationShown,
  settingsProblems,
  type SettingsProblem,
  type SettingsValues,
} from './wizard-state';

export type SettingsOrigin = 'discovered' | 'not-found' | 'manual';

/** A confirmation names a host: changing that server's host or security asks again. */
function keepConfirmation(values: SettingsValues, before: ServerFields, after: ServerFields): boolean {
  return values.plaintextConfirmed && before.host === after.host && before.security === after.security;
}

interface SettingsStepProps {
  id: string;
  email: string;
  values: SettingsValues;
  origin: SettingsOrigin;
  discovery: DiscoveryResult | null;
  onChange: (values: SettingsValues) => void;
  onBack: () => void;
  onTest: () => void;
  /** The password, asked here when none was given at the start (the OAuth2 path needs none). */
  password: string;
  onPassword: (password: string) => void;
  /** The account as it would be added (the OAuth2 sign-in adds it itself). */
  accountSettings: () => AccountSettings;
  onAdded: (account: Account) => void;
}

export function SettingsStep(props: SettingsStepProps) {
  const { id, email, values, origin, discovery, onChange, onBack, onTest } = props;
  const { t } = useTranslation();
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const provider = discovery?.settings?.provider;
  const source = discovery?.source;
  const oauth = useOAuthProvider(provider?.id, values.imap.host, values.smtp.host);
  // asked for here only if it was left empty at the start; typing it keeps the field
  const [askPassword] = useState(() => props.password === '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: SettingsProblem[] = [
      ...(askPassword && !props.password ? (['password'] as const) : []),
      ...settingsProblems(values, discovery?.settings),
    ];
    setProblems(found);
    if (found.length > 0) {
      document.getElementById(`${id}-${found[0]}`)?.focus();
      return;
    }
    onTest();
  };

  const outside = outsideDomainToConfirm(values, discovery?.settings);
  const plainHosts = [values.imap, values.smtp]
    .filter(needsPlaintextConfirmation)
    .map((server) => server.host.trim())
    .filter((host, index, all) => all.indexOf(host) === index);

  return (
    <form className="dialog-form" noValidate onSubmit={submit}>
      <h2 className="dialog-title">{t('wizard.settings.title')}</h2>
      <p id={`${id}-description`} className="dialog-description">
        {origin === 'discovered' && source
          ? t('wizard.settings.found', { source: t(`wizard.discovery.source.${source}`) })
          : origin === 'not-found'
            ? t('wizard.settings.notFound', { domain: emailDomain(email) })
            : t('wizard.settings.manual')}
      </p>
      {provider?.appPassword && (
        <p className="wizard-note">{t('wizard.provider.appPassword', { provider: provider.name })}</p>
      )}
      {oauth && (
        <OAuthChoice id={id} email={email} provider={oauth} settings={props.accountSettings} onAdded={props.onAdded} />
      )}
      {provider?.note && !(provider.note === 'oauth-only' && oauth?.configured) && (
        <p className="wizard-note is-warning">{t(`wizard.provider.${provider.note}`, { provider: provider.name })}</p>
      )}
      {askPassword && (
        <div className="form-field">
          <label htmlFor={`${id}-password`}>{t('account.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            aria-invalid={problems.includes('password') ? true : undefined}
            value={props.password}
            onChange={(event) => props.onPassword(event.target.value)}
          />
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-username`}>{t('account.username')}</label>
        <input
          id={`${id}-username`}
          type="text"
          autoComplete="username"
          spellCheck={false}
          autoFocus={!oauth}
          aria-invalid={problems.includes('username') ? true : undefined}
          value={values.username}
          onChange={(event) => onChange({ ...values, username: event.target.value })}
        />
      </div>
      <ProtocolChoice id={id} values={values} discovered={discovery?.settings} onChange={onChange} />
      <ServerFieldset
        id={id}
        kind="imap"
        pop3={values.protocol === 'pop3'}
        server={values.imap}
        problems={problems}
        onChange={(imap) =>
          onChange({ ...values, imap, plaintextConfirmed: keepConfirmation(values, values.imap, imap) })
        }
      />
      <ServerFieldset
        id={id}
        kind="smtp"
        server={values.smtp}
        problems={problems}
        onChange={(smtp) =>
          onChange({ ...values, smtp, plaintextConfirmed: keepConfirmation(values, values.smtp, smtp) })
        }
      />
      {plaintextConfirmationShown(values) && (
        <div className="wizard-check is-danger">
          <input
            id={`${id}-plaintext`}
            type="checkbox"
            checked={values.plaintextConfirmed}
            aria-invalid={problems.includes('plaintext') ? true : undefined}
            onChange={(event) => onChange({ ...values, plaintextConfirmed: event.target.checked })}
          />
          <label htmlFor={`${id}-plaintext`}>
            {t('wizard.settings.plainConfirm', { host: plainHosts.join(', ') })}
          </label>
        </div>
      )}
      {outside && (
        <p id={`${id}-outsideDomain-why`} className="wizard-note is-warning">
          {t('wizard.settings.outsideDomainWhy', {
            servers: outside.serverDomains.join(', '),
            domain: outside.addressDomain,
          })}
        </p>
      )}
      {outside && (
        <div className="wizard-check is-danger">
          <input
            id={`${id}-outsideDomain`}
            type="checkbox"
            checked={values.outsideDomainConfirmed}
            aria-invalid={problems.includes('outsideDomain') ? true : undefined}
            aria-describedby={`${id}-outsideDomain-why`}
            onChange={(event) => onChange({ ...values, outsideDomainConfirmed: event.target.checked })}
          />
          <label htmlFor={`${id}-outsideDomain`}>
            {t('wizard.settings.outsideDomainConfirm', {
              servers: outside.serverDomains.join(', '),
              domain: outside.addressDomain,
            })}
          </label>
        </div>
      )}
      <StepProblems problems={problems} />
      <FormFooter leaveLabel={t('common.back')} onLeave={onBack} submitLabel={t('wizard.settings.test')} />
    </form>
  );
}
