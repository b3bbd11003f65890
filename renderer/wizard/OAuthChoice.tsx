// "Sign in with Google / Microsoft": the first choice of the settings step where the provider
// signs in through its own page (OAuth2). The page opens in the system browser (the desktop
// shell hands a new window's address to the OS browser; the browser shell gets a new tab), never
// inside the app, so the password is typed only into the provider's page. The engine waits for
// the answer, tests both servers with the new token and adds the account. An app password stays
// possible below it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OAuthProviderInfo } from '../../shared/contract-oauth';
import type { AccountSettings } from '../../shared/domain';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';

interface OAuthChoiceProps {
  id: string;
  email: string;
  provider: OAuthProviderInfo;
  /** The account to add, from the settings as they are now. */
  settings: () => AccountSettings;
  onAdded: (account: Account) => void;
}

type Phase = { kind: 'idle' } | { kind: 'waiting'; flowId: string } | { kind: 'problem'; message: string };

export function OAuthChoice({ id, email, provider, settings, onAdded }: OAuthChoiceProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const flow = useRef<string | null>(null);

  // the wizard closed or moved on: the engine stops listening for that sign-in
  useEffect(
    () => () => {
      if (flow.current) void transport.invoke('oauth.cancel', { flowId: flow.current }).catch(() => undefined);
    },
    [transport],
  );

  const signIn = async () => {
    let started: { flowId: string; url: string };
    try {
      started = await transport.invoke('oauth.start', { providerId: provider.id, email });
    } catch (error) {
      setPhase({ kind: 'problem', message: errorMessage(error, t) ?? t('common.unknownError') });
      return;
    }
    flow.current = started.flowId;
    setPhase({ kind: 'waiting', flowId: started.flowId });
    window.open(started.url, '_blank', 'noopener');
    try {
      const outcome = await transport.invoke('oauth.complete', { flowId: started.flowId, settings: settings() });
      if (flow.current !== started.flowId) return;
      flow.current = null;
      if (outcome.outcome === 'added') onAdded(outcome.account);
      else if (outcome.outcome === 'denied')
        setPhase({ kind: 'problem', message: t('oauth.denied', { provider: provider.name }) });
      else if (outcome.outcome === 'test-failed') {
        const failed = [outcome.test.imap, outcome.test.smtp].find((o) => !o.ok);
        setPhase({
          kind: 'problem',
          message: t('oauth.testFailed', { detail: failed && !failed.ok ? failed.message : '' }),
        });
      } else if (outcome.outcome === 'failed')
        setPhase({ kind: 'problem', message: t('oauth.failed', { detail: outcome.message }) });
    } catch (error) {
      if (flow.current !== started.flowId) return;
      flow.current = null;
      setPhase({ kind: 'problem', message: errorMessage(error, t) ?? t('common.unknownError') });
    }
  };

  const cancel = () => {
    if (flow.current) void transport.invoke('oauth.cancel', { flowId: flow.current }).catch(() => undefined);
    flow.current = null;
    setPhase({ kind: 'idle' });
  };

  return (
    <section className="wizard-oauth" aria-labelledby={`${id}-oauth-title`}>
      <h3 id={`${id}-oauth-title`} className="wizard-oauth-title">
        {t('oauth.title', { provider: provider.name })}
      </h3>
      {!provider.configured ? (
        <p className="wizard-note is-warning">{t('oauth.notConfigured', { provider: provider.name })}</p>
      ) : phase.kind === 'waiting' ? (
        <div className="wizard-oauth-waiting" aria-live="polite">
          <p>{t('oauth.waiting', { provider: provider.name })}</p>
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void signIn()}>
          {t('oauth.signIn', { provider: provider.name })}
        </button>
      )}
      {phase.kind === 'problem' && (
        <p className="form-problem" role="alert">
          {phase.message}
        </p>
      )}
      <p className="wizard-note">{t('oauth.orPassword')}</p>
    </section>
  );
}
