// The i18next instance the UI speaks through. English is the fallback for anything missing.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import sv from './sv.json';
import { type Language, DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from './language-preference';

export const resources = {
  en: { translation: en },
  sv: { translation: sv },
} as const;

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes everything it renders
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
