// The user's appearance choices and how they are kept: the theme (light, dark or the system's),
// the list density, and whether mail in dark mode keeps its own colours. Pure parsing, so a
// broken or old stored value falls back to the defaults instead of breaking the window.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];
/** 'dark': simple mail (no colours of its own) is shown dark in dark mode; 'original': never. */
export const BODY_COLOURS = ['dark', 'original'] as const;
export type BodyColours = (typeof BODY_COLOURS)[number];

export interface AppearancePrefs {
  theme: Theme;
  density: Density;
  bodyColours: BodyColours;
}

export const DEFAULT_APPEARANCE: AppearancePrefs = { theme: 'system', density: 'comfortable', bodyColours: 'dark' };

export const APPEARANCE_STORAGE_KEY = 'mail.appearance';

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseAppearance(stored: string | null): AppearancePrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // unreadable: the defaults
  }
  return {
    theme: oneOf(THEMES, raw.theme, DEFAULT_APPEARANCE.theme),
    density: oneOf(DENSITIES, raw.density, DEFAULT_APPEARANCE.density),
    bodyColours: oneOf(BODY_COLOURS, raw.bodyColours, DEFAULT_APPEARANCE.bodyColours),
  };
}

/** The scheme on screen: the theme, or the system's when the theme follows it. */
export function resolvedScheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}
