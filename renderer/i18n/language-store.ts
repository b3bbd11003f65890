// The language the UI speaks, changeable at run time from the settings without a restart.
// Follows the OS/browser languages (and their changes) until the user picks one.
import { useSyncExternalStore } from 'react';
import type { i18n } from 'i18next';
import {
  type Language,
  type LanguagePreference,
  intlLocaleFor,
  readLanguagePreference,
  resolveLanguage,
  saveLanguagePreference,
} from './language-preference';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export interface LanguageState {
  preference: LanguagePreference;
  language: Language;
  /** The locale for Intl (dates, numbers, sizes), e.g. "en-GB" or "sv-SE". */
  locale: string;
}

export class LanguageStore {
  private state: LanguageState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly i18nInstance: i18n) {
    this.state = LanguageStore.compute(readLanguagePreference(storage()));
    window.addEventListener('languagechange', () => {
      if (this.state.preference === 'system') this.apply(LanguageStore.compute('system'));
    });
  }

  static initialLanguage(): Language {
    return resolveLanguage(readLanguagePreference(storage()), browserLanguages());
  }

  private static compute(preference: LanguagePreference): LanguageState {
    const language = resolveLanguage(preference, browserLanguages());
    return { preference, language, locale: intlLocaleFor(language, browserLanguages()) };
  }

  getState = (): LanguageState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setPreference(preference: LanguagePreference): void {
    saveLanguagePreference(storage(), preference);
    this.apply(LanguageStore.compute(preference));
  }

  /** Call once at start so <html lang> matches before the first paint. */
  syncDocument(): void {
    document.documentElement.lang = this.state.language;
  }

  private apply(next: LanguageState): void {
    this.state = next;
    document.documentElement.lang = next.language;
    void this.i18nInstance.changeLanguage(next.language);
    for (const listener of this.listeners) listener();
  }
}

export function useLanguageState(store: LanguageStore): LanguageState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
