// How a shortcut is written on screen: "Ctrl+Shift+R" on Windows and Linux, "⇧⌘R" on a Mac
// (the order Apple's menus use), with key names in the user's language.
import type { Chord, Platform } from './key-chord';

/** Translated names of the keys that have words on them. */
export interface KeyNames {
  ctrl: string;
  alt: string;
  shift: string;
  enter: string;
  escape: string;
  space: string;
  tab: string;
  delete: string;
  backspace: string;
  insert: string;
  home: string;
  end: string;
  pageUp: string;
  pageDown: string;
}

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
const MAC_SYMBOLS: Record<string, string> = { Enter: '↩', Backspace: '⌫', Delete: '⌦', Escape: '⎋', Tab: '⇥' };

function keyText(key: string, platform: Platform, names: KeyNames, withModifier: boolean): string {
  if (ARROWS[key]) return ARROWS[key];
  if (platform === 'mac' && MAC_SYMBOLS[key]) return MAC_SYMBOLS[key];
  const named: Record<string, string> = {
    Enter: names.enter,
    Escape: names.escape,
    Space: names.space,
    Tab: names.tab,
    Delete: names.delete,
    Backspace: names.backspace,
    Insert: names.insert,
    Home: names.home,
    End: names.end,
    PageUp: names.pageUp,
    PageDown: names.pageDown,
  };
  if (named[key]) return named[key];
  // Letters read as on the keycap with a modifier (Ctrl+R), as typed without one (j, g i).
  return withModifier ? key.toUpperCase() : key;
}

export function chordLabel(chord: Chord, platform: Platform, names: KeyNames): string {
  const withModifier = chord.ctrl || chord.meta || chord.alt || chord.shift;
  const key = keyText(chord.key, platform, names, withModifier);
  if (platform === 'mac') {
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  }
  const parts: string[] = [];
  if (chord.ctrl) parts.push(names.ctrl);
  if (chord.meta) parts.push('Win');
  if (chord.alt) parts.push(names.alt);
  if (chord.shift) parts.push(names.shift);
  parts.push(key);
  return parts.join('+');
}

/** One label per key of a sequence ("g", "i"). */
export function sequenceLabels(sequence: readonly Chord[], platform: Platform, names: KeyNames): string[] {
  return sequence.map((chord) => chordLabel(chord, platform, names));
}
