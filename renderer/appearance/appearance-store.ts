// The appearance on screen, changeable at once from the settings or the palette: the resolved
// scheme and the density are written on <html> (data-scheme, data-density), which is all the
// style sheets read (styles/tokens.css). Follows the system's light/dark while the theme says
// so, and is applied before the first render so a dark window never flashes white.
import { useSyncExternalStore } from 'react';
import { APPEARANCE_STORAGE_KEY, type AppearancePrefs, parseAppearance, resolvedScheme } from './appearance-prefs';

export interface AppearanceState extends AppearancePrefs {
  scheme: 'light' | 'dark';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const systemQuery = (): MediaQueryList | null =>
  typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

class AppearanceStore {
  private state: AppearanceState;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.state = this.compute(parseAppearance(storage()?.getItem(APPEARANCE_STORAGE_KEY) ?? null));
    this.applyToDocument();
    systemQuery()?.addEventListener('change', () => {
      if (this.state.theme === 'system') this.update({});
    });
  }

  private compute(prefs: AppearancePrefs): AppearanceState {
    return { ...prefs, scheme: resolvedScheme(prefs.theme, systemQuery()?.matches ?? false) };
  }

  private applyToDocument(): void {
    const root = document.documentElement;
    root.dataset.scheme = this.state.scheme;
    root.dataset.density = this.state.density;
  }

  getState = (): AppearanceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<AppearancePrefs>): void {
    const { theme, density, bodyColours } = { ...this.state, ...change };
    this.state = this.compute({ theme, density, bodyColours });
    try {
      storage()?.setItem(APPEARANCE_STORAGE_KEY, JSON.stringify({ theme, density, bodyColours }));
    } catch {
      // a full or refused storage: the choice holds for this session
    }
    this.applyToDocument();
    for (const listener of this.listeners) listener();
  }
}

/** One per window: the appearance is the window's, like the document it is written on. */
export const appearanceStore = new AppearanceStore();

export function useAppearance(): AppearanceState {
  return useSyncExternalStore(appearanceStore.subscribe, appearanceStore.getState);
}

/** Whether message bodies are shown dark now (dark scheme, and the user did not ask for originals). */
export function darkBodies(state: AppearanceState = appearanceStore.getState()): boolean {
  return state.scheme === 'dark' && state.bodyColours === 'dark';
}
