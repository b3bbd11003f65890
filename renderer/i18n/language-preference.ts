// Which language the UI speaks: the user's saved choice, else the first OS/browser language
// we have a translation for, else English. Pure apart from the storage handed in.

export const SUPPORTED_LANGUAGES = ['en', 'sv'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export type LanguagePreference = Language | 'system';

export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'mail.language';

function primarySubtag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the user's languages (most preferred first) that we translate into. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = primarySubtag(tag);
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

export function resolveLanguage(preference: LanguagePreference, preferred: readonly string[]): Language {
  return preference === 'system' ? pickLanguage(preferred) : preference;
}

/**
 * The locale Intl formats dates and numbers with: the user's own regional variant of the
 * active language when they have one (en-GB keeps day-month order), else the language.
 */
export function intlLocaleFor(language: Language, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => primarySubtag(tag) === language);
  if (!regional) return language;
  try {
    return Intl.getCanonicalLocales(regional)[0] ?? language;
  } catch {
    return language;
  }
}

export function readLanguagePreference(storage: Pick<Storage, 'getItem'> | null): LanguagePreference {
  try {
    const saved = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

export function saveLanguagePreference(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  value: LanguagePreference,
): void {
  try {
    if (value === 'system') storage?.removeItem(LANGUAGE_STORAGE_KEY);
    else storage?.setItem(LANGUAGE_STORAGE_KEY, value);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this session.
  }
}
