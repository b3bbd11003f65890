// The active keymap for components: the saved preset and overrides, resolved for this platform.
import { useMemo, useSyncExternalStore } from 'react';
import { type KeyEventLike, chordFromEvent, chordId } from './key-chord';
import { type ActionId, type Keymap, bindingsOf, resolveKeymap } from './keymap';
import { KeymapSettings } from './keymap-settings';
import { currentPlatform } from './platform';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let settings: KeymapSettings | null = null;

/** The one settings store of this window (created on first use). */
export function keymapSettings(): KeymapSettings {
  settings ??= new KeymapSettings(storage());
  return settings;
}

export function useKeymapSettings() {
  const store = keymapSettings();
  const value = useSyncExternalStore(store.subscribe, store.get);
  return { value, store };
}

export function useKeymap(): { keymap: Keymap; invalid: { action: ActionId; notation: string }[] } {
  const { value } = useKeymapSettings();
  return useMemo(() => resolveKeymap(value.preset, value.overrides, currentPlatform()), [value]);
}

/** Is this key event one of `action`'s single-key shortcuts (for components with their own keys)? */
export function eventTriggers(keymap: Keymap, action: ActionId, event: KeyEventLike): boolean {
  const chord = chordFromEvent(event);
  if (!chord) return false;
  const id = chordId(chord);
  return bindingsOf(keymap, action).some(
    (binding) => binding.sequence.length === 1 && chordId(binding.sequence[0]!) === id,
  );
}
