// The general settings: the language and the appearance, applied at once (no restart) and
// remembered; how stored passwords are protected; new-mail notifications; the desktop app's own
// settings; the undo delay of sending; contacts (add, vCard in and out); the keyboard.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { AppearanceSettings } from '../appearance/AppearanceSettings';
import { useLanguageStore } from '../app/app-services';
import { type LanguagePreference, SUPPORTED_LANGUAGES, isLanguage } from '../i18n/language-preference';
import { useLanguageState } from '../i18n/language-store';
import { DesktopSettings } from './DesktopSettings';
import { ContactsSettings } from './ContactsSettings';
import { KeyboardSettings } from './KeyboardSettings';
import { NotificationSettings } from './NotificationSettings';
import { UnreadCountSettings } from './UnreadCountSettings';
import { PasswordProtection } from './PasswordProtection';
import { UndoDelaySetting } from './UndoDelaySetting';

export function GeneralSettings({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const store = useLanguageStore();
  const { preference } = useLanguageState(store);
  const id = useId();
  const choices: LanguagePreference[] = ['system', ...SUPPORTED_LANGUAGES];

  return (
    <>
      <div className="form-field">
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        <select
          id={`${id}-language`}
          value={preference}
          aria-describedby={`${id}-language-hint`}
          onChange={(event) => {
            const value = event.target.value;
            store.setPreference(isLanguage(value) ? value : 'system');
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`settings.languages.${choice}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-language-hint`} className="form-hint">
          {t('settings.languageHint')}
        </p>
      </div>
      <AppearanceSettings />
      <UndoDelaySetting />
      <ContactsSettings />
      <PasswordProtection />
      <NotificationSettings accounts={accounts} />
      <UnreadCountSettings accounts={accounts} />
      <DesktopSettings />
      <KeyboardSettings />
    </>
  );
}
