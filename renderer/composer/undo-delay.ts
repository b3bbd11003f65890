// How long a sent message waits in the outbox before it goes, so Undo can take it back: a
// setting of this window (0 to 30 s, 5 by default, as in Gmail). It is the page's choice, handed
// to outbox.send each time, so it is kept beside the page's other preferences in localStorage.
import { COMPOSE_LIMITS } from '../../shared/compose';

export const UNDO_DELAY_STORAGE_KEY = 'mail.composer.undoSeconds';
export const DEFAULT_UNDO_SECONDS = 5;
export const MAX_UNDO_SECONDS = COMPOSE_LIMITS.undoSeconds;
/** The choices the settings offer. */
export const UNDO_DELAY_CHOICES: readonly number[] = [0, 5, 10, 20, 30];

/** A whole number of seconds within 0…30; anything else (absent, edited by hand) is the default. */
export function parseUndoSeconds(stored: string | null): number {
  if (stored === null || !/^\d{1,2}$/.test(stored.trim())) return DEFAULT_UNDO_SECONDS;
  const seconds = Number(stored.trim());
  return seconds <= MAX_UNDO_SECONDS ? seconds : DEFAULT_UNDO_SECONDS;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the default holds
  }
}

export function readUndoSeconds(): number {
  return parseUndoSeconds(storage()?.getItem(UNDO_DELAY_STORAGE_KEY) ?? null);
}

export function writeUndoSeconds(seconds: number): void {
  const clamped = Math.min(MAX_UNDO_SECONDS, Math.max(0, Math.round(seconds)));
  storage()?.setItem(UNDO_DELAY_STORAGE_KEY, String(clamped));
}
