import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_STORAGE_KEY,
  intlLocaleFor,
  pickLanguage,
  readLanguagePreference,
  resolveLanguage,
  saveLanguagePreference,
} from '../../renderer/i18n/language-preference';
import { createI18n } from '../../renderer/i18n/i18n';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

describe('choosing the language', () => {
  it('follows the first OS/browser language we translate into', () => {
    expect(pickLanguage(['sv-SE', 'en-US'])).toBe('sv');
    expect(pickLanguage(['de-DE', 'sv'])).toBe('sv');
    expect(pickLanguage(['en-GB'])).toBe('en');
    expect(pickLanguage(['fi-FI', 'de'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it("a saved choice wins over the system's languages", () => {
    expect(resolveLanguage('en', ['sv-SE'])).toBe('en');
    expect(resolveLanguage('system', ['sv-SE'])).toBe('sv');
  });

  it("formats with the user's own regional variant of the language", () => {
    expect(intlLocaleFor('en', ['en-GB', 'sv-SE'])).toBe('en-GB');
    expect(intlLocaleFor('sv', ['en-GB', 'sv-FI'])).toBe('sv-FI');
    expect(intlLocaleFor('sv', ['en-US'])).toBe('sv');
  });

  it('remembers the choice, and forgets it for "system"', () => {
    const storage = memoryStorage();
    expect(readLanguagePreference(storage)).toBe('system');
    saveLanguagePreference(storage, 'sv');
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('sv');
    expect(readLanguagePreference(storage)).toBe('sv');
    saveLanguagePreference(storage, 'system');
    expect(readLanguagePreference(storage)).toBe('system');
    expect(readLanguagePreference(memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'klingon' }))).toBe('system');
    expect(readLanguagePreference(null)).toBe('system');
  });
});

describe('translations at run time', () => {
  it('pluralises per language and switches without a restart', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('folders.unread', { count: 1 })).toBe('1 unread');
    expect(i18n.t('folders.unread', { count: 5 })).toBe('5 unread');
    await i18n.changeLanguage('sv');
    expect(i18n.t('folders.unread', { count: 1 })).toBe('1 oläst');
    expect(i18n.t('folders.unread', { count: 5 })).toBe('5 olästa');
    expect(i18n.t('folders.role.inbox')).toBe('Inkorg');
  });

  it('formats counts in the language ("1,234" / "1 234")', () => {
    const en = createI18n('en');
    expect(en.t('messageList.count', { count: 1234 })).toBe('1,234 messages');
    const sv = createI18n('sv');
    expect(sv.t('messageList.count', { count: 1234 }).replace(/\s/gu, ' ')).toBe('1 234 meddelanden');
  });

  it('interpolates without HTML escaping (React escapes what it renders)', () => {
    const i18n = createI18n('en');
    expect(i18n.t('status.offline', { account: 'Work & <Home>' })).toBe('Work & <Home> is offline');
  });
});
