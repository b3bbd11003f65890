// The chosen preset and the user's overrides, remembered in localStorage, with a subscribe
// for React. A broken or foreign value falls back to the defaults instead of failing.
import { ACTION_IDS, DEFAULT_PRESET, type KeymapOverrides, type PresetId, isPresetId } from './keymap';

export const KEYMAP_STORAGE_KEY = 'mail.keymap';

export interface KeymapSettingsValue {
  preset: PresetId;
  overrides: KeymapOverrides;
}

export const DEFAULT_KEYMAP_SETTINGS: KeymapSettingsValue = { preset: DEFAULT_PRESET, overrides: {} };

/** Reads what was saved; anything unrecognised is dropped. */
export function parseKeymapSettings(text: string | null): KeymapSettingsValue {
  if (!text) return DEFAULT_KEYMAP_SETTINGS;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return DEFAULT_KEYMAP_SETTINGS;
    const record = value as { preset?: unknown; overrides?: unknown };
    const preset = isPresetId(record.preset) ? record.preset : DEFAULT_PRESET;
    const overrides: KeymapOverrides = {};
    if (typeof record.overrides === 'object' && record.overrides !== null) {
      const saved = record.overrides as Record<string, unknown>;
      for (const action of ACTION_IDS) {
        const list = saved[action];
        if (Array.isArray(list) && list.every((item) => typeof item === 'string')) overrides[action] = list.slice(0, 8);
      }
    }
    return { preset, overrides };
  } catch {
    return DEFAULT_KEYMAP_SETTINGS;
  }
}

function readSaved(storage: Storage | null): string | null {
  try {
    return storage?.getItem(KEYMAP_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export class KeymapSettings {
  private value: KeymapSettingsValue;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | null) {
    this.value = parseKeymapSettings(readSaved(storage));
  }

  get = (): KeymapSettingsValue => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setPreset(preset: PresetId): void {
    this.save({ ...this.value, preset });
  }

  /** Replaces one action's shortcuts; `null` goes back to the preset's. */
  setOverride(action: (typeof ACTION_IDS)[number], notations: string[] | null): void {
    const overrides = { ...this.value.overrides };
    if (notations === null) delete overrides[action];
    else overrides[action] = notations;
    this.save({ ...this.value, overrides });
  }

  resetOverrides(): void {
    this.save({ ...this.value, overrides: {} });
  }

  private save(next: KeymapSettingsValue): void {
    this.value = next;
    try {
      this.storage?.setItem(KEYMAP_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Private mode or a full quota: the choice still holds for this session.
    }
    for (const listener of this.listeners) listener();
  }
}
