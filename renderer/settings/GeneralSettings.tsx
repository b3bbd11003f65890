// The general settings: the language, applied at once (no restart) and remembered; how stored
// passwords are protected; the undo delay of sending; contacts (add, vCard in and out); the
// keyboard.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageStore } from '../app/app-services';
import { type LanguagePreference, SUPPORTED_LANGUAGES, isLanguage } from '../i18n/language-preference';
import { useLanguageState } from '../i18n/language-store';
import { ContactsSettings } from './ContactsSettings';
import { KeyboardSettings } from './KeyboardSettings';
import { PasswordProtection } from './PasswordProtection';
import { UndoDelaySetting } from './UndoDelaySetting';

export function GeneralSettings() {
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
      <UndoDelaySetting />
      <ContactsSettings />
      <PasswordProtection />
      <KeyboardSettings />
    </>
  );
}
