// An account's servers after setup: user name, IMAP and SMTP (host, port, security) and how it
// signs in. "Test, then apply" signs in to both servers with the new settings first and saves only
// when both accepted (accounts.updateServers); a new IMAP server makes the account sync from the
// start. An OAuth2 account can move to an app password here; a password account can give a new one.
// A POP3 account edits its POP3 server in the incoming slot, labelled as POP3.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, ServerSettings } from '../../shared/domain';
import type { ServerFields } from '../accounts/account-form';
import { oauthProviderName } from '../accounts/oauth-provider-name';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { useOAuthFlow } from '../accounts/use-oauth-flow';
import { ServerFieldset } from '../wizard/ServerFieldset';
import { useOAuthProvider } from '../wizard/use-oauth-provider';
import { settingsProblems, toConnectionSettings, type SettingsValues } from '../wizard/wizard-state';
import { SubmitRow, type SaveOutcome } from './SubmitRow';
import '../wizard/wizard.css';

const fields = (server: ServerSettings): ServerFields => ({
  host: server.host,
  port: String(server.port),
  security: server.security,
});

function initialValues(account: Account): SettingsValues {
  return {
    protocol: account.protocol ?? 'imap',
    username: account.username,
    imap: fields(account.imap),
    smtp: fields(account.smtp),
    plaintextConfirmed: false,
    outsideDomainConfirmed: false,
  };
}

export function ServerSettingsSection({ account }: { account: Account }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [values, setValues] = useState(() => initialValues(account));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const problems = settingsProblems(values);
  // a password account whose servers a provider signs in for can switch to that sign-in
  const provider = useOAuthProvider(undefined, account.imap.host, account.smtp.host);
  const oauth = useOAuthFlow();

  const switchToOAuth = async () => {
    if (!provider) return;
    setOutcome(null);
    try {
      const result = await oauth.run({ providerId: provider.id, email: account.email, accountId: account.id });
      if (!result) return;
      if (result.outcome === 'signed-in-again') setOutcome({ kind: 'saved' });
      else if (result.outcome === 'denied')
        setOutcome({ kind: 'failed', message: t('oauth.denied', { provider: provider.name }) });
      else if (result.outcome === 'failed')
        setOutcome({ kind: 'failed', message: t('oauth.failed', { detail: result.message }) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error, t) ?? t('common.unknownError') });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || problems.length > 0) {
      if (problems.length > 0) setOutcome({ kind: 'failed', message: t(`account.problem.${problems[0]!}`) });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const result = await transport.invoke('accounts.updateServers', {
        accountId: account.id,
        settings: toConnectionSettings(values),
        ...(password ? { password } : {}),
      });
      if (result.outcome === 'saved') {
        setPassword('');
        setOutcome({ kind: 'saved' });
      } else {
        const failures = [
          result.test.imap.ok ? null : `${t('account.incoming')}: ${result.test.imap.message}`,
          result.test.smtp.ok ? null : `${t('account.outgoing')}: ${result.test.smtp.message}`,
        ].filter((line): line is string => line !== null);
        setOutcome({ kind: 'failed', message: t('serverSettings.testFailed', { detail: failures.join(' ') }) });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', message: errorMessage(error, t) ?? t('common.unknownError') });
    } finally {
      setBusy(false);
    }
  };

  const change = (next: SettingsValues) => {
    setValues(next);
    setOutcome(null);
  };

  return (
    <form
      className="settings-section"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('serverSettings.title')}
      </h3>
      <p className="form-hint">
        {account.oauthProvider
          ? t('serverSettings.signsInWithOAuth', { provider: oauthProviderName(account.oauthProvider) })
          : t('serverSettings.signsInWithPassword')}
      </p>
      {/* POP3 accounts sign in with a password only (pop3-connection-test.ts) */}
      {!account.oauthProvider && provider?.configured && account.protocol !== 'pop3' && (
        <div className="settings-row">
          <button type="button" className="button" disabled={oauth.waiting} onClick={() => void switchToOAuth()}>
            {t('serverSettings.useOAuth', { provider: provider.name })}
          </button>
          {oauth.waiting && <p className="form-hint">{t('oauth.waiting', { provider: provider.name })}</p>}
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-username`}>{t('account.username')}</label>
        <input
          id={`${id}-username`}
          type="text"
          autoComplete="username"
          spellCheck={false}
          value={values.username}
          onChange={(event) => change({ ...values, username: event.target.value })}
        />
      </div>
      <ServerFieldset
        id={id}
        kind="imap"
        pop3={values.protocol === 'pop3'}
        server={values.imap}
        problems={problems}
        onChange={(imap) => change({ ...values, imap })}
      />
      <ServerFieldset
        id={id}
        kind="smtp"
        server={values.smtp}
        problems={problems}
        onChange={(smtp) => change({ ...values, smtp })}
      />
      <div className="form-field">
        <label htmlFor={`${id}-password`}>
          {account.oauthProvider ? t('serverSettings.appPassword') : t('serverSettings.newPassword')}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setOutcome(null);
          }}
        />
      </div>
      <SubmitRow
        label={t('serverSettings.save')}
        busyLabel={t('serverSettings.saving')}
        savedText={t('serverSettings.saved')}
        busy={busy}
        disabled={busy}
        outcome={outcome}
      />
    </form>
  );
}
