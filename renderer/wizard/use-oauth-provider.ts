// Which OAuth2 provider signs in for the settings on screen (the engine decides: by discovery's
// preset, else by the mail hosts), so the wizard can offer "Sign in with …" first. Asked again
// when a host changes; an answer for hosts no longer on screen is dropped.
import { useEffect, useState } from 'react';
import type { OAuthProviderInfo } from '../../shared/contract-oauth';
import { useTransport } from '../app/app-services';

export function useOAuthProvider(presetId: string | undefined, imapHost: string, smtpHost: string) {
  const transport = useTransport();
  const [provider, setProvider] = useState<OAuthProviderInfo | null>(null);
  useEffect(() => {
    let current = true;
    const hosts = [imapHost.trim(), smtpHost.trim()].filter((host) => host !== '');
    transport
      .invoke('oauth.providerFor', { hosts, ...(presetId ? { presetId } : {}) })
      .then((found) => {
        if (current) setProvider(found);
      })
      .catch(() => {
        if (current) setProvider(null);
      });
    return () => {
      current = false;
    };
  }, [transport, presetId, imapHost, smtpHost]);
  return provider;
}
