// The desktop app's own settings, in General settings: Mail as the default email app (for
// mailto: links), closing to the tray, starting at login, looking for updates at start (opt-in;
// electron/shell/update-check.ts). Only the Electron shell has them (desktop.info answers null in
// the browser shell, and nothing is shown).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopInfo, DesktopSettings as Settings } from '../../shared/contract-desktop';
import { useTransport } from '../app/app-services';

export function DesktopSettings() {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [info, setInfo] = useState<DesktopInfo | null>(null);
  const [defaultRefused, setDefaultRefused] = useState(false);

  useEffect(() => {
    let live = true;
    transport
      .invoke('desktop.info', {})
      .then((found) => {
        if (live) setInfo(found);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transport]);

  if (!info) return null;
  const change = (changes: Partial<Settings>) =>
    void transport
      .invoke('desktop.setSettings', changes)
      .then(setInfo)
      .catch(() => undefined);
  const check = (key: keyof Settings, label: string, hint?: string) => (
    <>
      <div className="settings-check">
        <input
          id={`${id}-${key}`}
          type="checkbox"
          checked={info.settings[key]}
          aria-describedby={hint ? `${id}-${key}-hint` : undefined}
          onChange={(event) => change({ [key]: event.target.checked })}
        />
        <label htmlFor={`${id}-${key}`}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-${key}-hint`} className="form-hint">
          {hint}
        </p>
      )}
    </>
  );

  return (
    <section className="form-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('desktop.settings.title')}
      </h3>
      {info.defaultMailApp ? (
        <p className="form-hint">{t('desktop.settings.isDefault')}</p>
      ) : (
        <div>
          <button
            type="button"
            className="button"
            onClick={() =>
              void transport
                .invoke('desktop.makeDefaultMailApp', {})
                .then(({ defaultMailApp }) => {
                  setDefaultRefused(!defaultMailApp);
                  setInfo({ ...info, defaultMailApp });
                })
                .catch(() => setDefaultRefused(true))
            }
          >
            {t('desktop.settings.makeDefault')}
          </button>
          <p className="form-hint" role={defaultRefused ? 'status' : undefined}>
            {defaultRefused ? t('desktop.settings.defaultRefused') : t('desktop.settings.makeDefaultHint')}
          </p>
        </div>
      )}
      {info.tray && check('closeToTray', t('desktop.settings.closeToTray'))}
      {check('startAtLogin', t('desktop.settings.startAtLogin'))}
      {check('checkForUpdates', t('desktop.settings.checkForUpdates'), t('desktop.settings.checkForUpdatesHint'))}
    </section>
  );
}
