// How stored passwords are protected on this computer, in General settings: a keychain, the
// browser shell's key file, or (Linux without a keyring, or no keychain at all) a weak fallback,
// said as a warning so it is never silent.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStrength } from '../../shared/discovery';
import { useTransport } from '../app/app-services';

export function PasswordProtection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [strength, setStrength] = useState<SecretStrength | null>(null);

  useEffect(() => {
    let live = true;
    transport
      .invoke('accounts.secretStorage', {})
      .then(({ strength: found }) => {
        if (live) setStrength(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transport]);

  if (!strength) return null;
  return (
    <section className="form-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('settings.passwordProtection.title')}
      </h3>
      <p className={strength === 'weak' ? 'settings-warning' : 'form-hint'}>
        {t(`settings.passwordProtection.${strength}`)}
      </p>
    </section>
  );
}
