// "Sign in with Google / Microsoft": the first choice of the settings step where the provider
// signs in through its own page (OAuth2). The page opens in the system browser (the desktop
// shell hands a new window's address to the OS browser; the browser shell gets a new tab), never
// inside the app, so the password is typed only into the provider's page. The engine waits for
// the answer, tests both servers with the new token and adds the account. An app password stays
// possible below it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OAuthProviderInfo } from '../../shared/contract-oauth';
import type { Account, AccountSettings } from '../../shared/domain';
import { useOAuthFlow } from '../accounts/use-oauth-flow';
import { errorMessage } from '../app/error-message';
import { FormProblem } from '../ui/FormProblem';

interface OAuthChoiceProps {
  id: string;
  email: string;
  provider: OAuthProviderInfo;
  /** The account to add, from the settings as they are now. */
  settings: () => AccountSettings;
  onAdded: (account: Account) => void;
}

export function OAuthChoice({ id, email, provider, settings, onAdded }: OAuthChoiceProps) {
  const { t } = useTranslation();
  const flow = useOAuthFlow();
  const [problem, setProblem] = useState<string | null>(null);

  const signIn = async () => {
    setProblem(null);
    try {
      const outcome = await flow.run({ providerId: provider.id, email, settings: settings() });
      if (!outcome) return;
      if (outcome.outcome === 'added') onAdded(outcome.account);
      else if (outcome.outcome === 'denied') setProblem(t('oauth.denied', { provider: provider.name }));
      else if (outcome.outcome === 'test-failed') {
        const failed = [outcome.test.imap, outcome.test.smtp].find((o) => !o.ok);
        setProblem(t('oauth.testFailed', { detail: failed && !failed.ok ? failed.message : '' }));
      } else if (outcome.outcome === 'failed') setProblem(t('oauth.failed', { detail: outcome.message }));
    } catch (error) {
      setProblem(errorMessage(error, t) ?? t('common.unknownError'));
    }
  };

  return (
    <section className="wizard-oauth" aria-labelledby={`${id}-oauth-title`}>
      <h3 id={`${id}-oauth-title`} className="wizard-oauth-title">
        {t('oauth.title', { provider: provider.name })}
      </h3>
      {!provider.configured ? (
        <p className="wizard-note is-warning">{t('oauth.notConfigured', { provider: provider.name })}</p>
      ) : flow.waiting ? (
        <div className="wizard-oauth-waiting" aria-live="polite">
          <p>{t('oauth.waiting', { provider: provider.name })}</p>
          <button type="button" className="button" onClick={flow.cancel}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void signIn()}>
          {t('oauth.signIn', { provider: provider.name })}
        </button>
      )}
      <FormProblem>{problem}</FormProblem>
      <p className="wizard-note">{t('oauth.orPassword')}</p>
    </section>
  );
}
