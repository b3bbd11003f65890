// One OAuth2 sign-in from the UI's side: ask the engine for the provider's page, open it in the
// system browser (a new tab of the browser shell; the desktop shell hands it to the OS browser),
// then wait for the engine's outcome. A newer sign-in, or the component going away, cancels the
// one under way, and its outcome is then dropped (null).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OAuthOutcome } from '../../shared/contract-oauth';
import type { AccountId, AccountSettings } from '../../shared/domain';
import { useTransport } from '../app/app-services';

export interface OAuthFlowRequest {
  providerId: string;
  email: string;
  /** Sign this account in (again, or instead of its password). */
  accountId?: AccountId;
  /** Add an account with these settings. */
  settings?: AccountSettings;
}

export function useOAuthFlow() {
  const transport = useTransport();
  const flow = useRef<string | null>(null);
  const [waiting, setWaiting] = useState(false);

  const cancel = useCallback(() => {
    if (flow.current) void transport.invoke('oauth.cancel', { flowId: flow.current }).catch(() => undefined);
    flow.current = null;
    setWaiting(false);
  }, [transport]);

  useEffect(
    () => () => {
      if (flow.current) void transport.invoke('oauth.cancel', { flowId: flow.current }).catch(() => undefined);
    },
    [transport],
  );

  /** Throws when the sign-in cannot start (no client id in this build: the engine says so). */
  const run = useCallback(
    async (request: OAuthFlowRequest): Promise<OAuthOutcome | null> => {
      cancel();
      const started = await transport.invoke('oauth.start', {
        providerId: request.providerId,
        email: request.email,
        ...(request.accountId ? { accountId: request.accountId } : {}),
      });
      flow.current = started.flowId;
      setWaiting(true);
      window.open(started.url, '_blank', 'noopener');
      try {
        const outcome = await transport.invoke('oauth.complete', {
          flowId: started.flowId,
          ...(request.settings ? { settings: request.settings } : {}),
        });
        return flow.current === started.flowId ? outcome : null;
      } finally {
        if (flow.current === started.flowId) {
          flow.current = null;
          setWaiting(false);
        }
      }
    },
    [transport, cancel],
  );

  return { run, waiting, cancel };
}
