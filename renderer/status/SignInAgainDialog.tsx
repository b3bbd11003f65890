// Signing an OAuth2 account in again after its provider stopped honouring the sign-in (revoked,
// expired, password changed): the provider's page opens at once in the system browser (the click
// that opened this dialog allows it), the engine waits for the answer and resumes the account.
// A button opens the page again if the browser did not show it.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { oauthProviderName } from '../accounts/oauth-provider-name';
import { useOAuthFlow } from '../accounts/use-oauth-flow';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import { FormProblem } from '../ui/FormProblem';

export function SignInAgainDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const flow = useOAuthFlow();
  const run = flow.run;
  const [problem, setProblem] = useState<string | null>(null);
  const providerId = account.oauthProvider ?? '';
  const provider = oauthProviderName(providerId);

  const start = useCallback(async () => {
    setProblem(null);
    try {
      const outcome = await run({ providerId, email: account.email, accountId: account.id });
      if (!outcome) return;
      if (outcome.outcome === 'signed-in-again') {
        await transport.invoke('sync.now', { accountId: account.id }).catch(() => undefined);
        onClose();
      } else if (outcome.outcome === 'denied') setProblem(t('oauth.denied', { provider }));
      else if (outcome.outcome === 'failed') setProblem(t('oauth.failed', { detail: outcome.message }));
      else setProblem(t('common.unknownError'));
    } catch (error) {
      setProblem(errorMessage(error, t) ?? t('common.unknownError'));
    }
  }, [run, transport, providerId, provider, account.email, account.id, onClose, t]);

  useEffect(() => {
    // the sign-in starts as the dialog opens (one click from the status bar); its state changes
    // come after the engine answers, not during this effect
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void start();
    // once, when the dialog opens: the click that opened it lets the browser open the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Dialog label={t('oauth.againLabel')} onClose={onClose} describedBy={`${id}-description`}>
      <div className="dialog-form">
        <h2 className="dialog-title">{t('oauth.againLabel')}</h2>
        <p id={`${id}-description`} className="dialog-description" aria-live="polite">
          {flow.waiting
            ? t('oauth.waiting', { provider })
            : t('oauth.againDescription', { email: account.email, provider })}
        </p>
        <FormProblem>{problem}</FormProblem>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void start()}>
            {t('oauth.againOpen')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
