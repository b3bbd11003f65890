// The palette's recent choices, newest first, remembered in localStorage.
export const RECENT_STORAGE_KEY = 'mail.palette.recent';
const MAX_RECENT = 8;

export function readRecent(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(RECENT_STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Puts `id` first and saves; returns the new list. */
export function rememberRecent(storage: Pick<Storage, 'getItem' | 'setItem'> | null, id: string): string[] {
  const next = [id, ...readRecent(storage).filter((existing) => existing !== id)].slice(0, MAX_RECENT);
  try {
    storage?.setItem(RECENT_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Not remembered this time; the palette still works.
  }
  return next;
}
