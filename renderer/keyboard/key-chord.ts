// One key press with its modifiers, as the keymap writes it ("Mod+Shift+R", "Space", "?") and
// as a KeyboardEvent delivers it. Pure: no DOM, so the matching rules are unit-tested.
//
// Letters are compared case-folded with Shift as a separate flag (Caps Lock never changes a
// shortcut). Printed symbols (?, #, *, !, /) already say which Shift state produced them, so
// Shift is ignored for them unless another modifier is held. With Ctrl/Cmd/Alt held, the
// physical key (event.code) names letters and digits, so Option+J on a Mac and Ctrl+J on a
// Cyrillic layout still read as "J".

export type Platform = 'mac' | 'other';

export interface Chord {
  /** Lower-case letter or digit, a printed symbol, or a key name (Enter, ArrowDown, Space, F6). */
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** What we read from a KeyboardEvent (so tests can pass plain objects). */
export interface KeyEventLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  getModifierState?(key: string): boolean;
}

const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'Fn',
  'Hyper',
  'Super',
]);

/** Key names the keymap may use, by their KeyboardEvent.key spelling. */
const NAMED_KEYS = new Set([
  'Enter',
  'Escape',
  'Tab',
  'Space',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  ...Array.from({ length: 12 }, (_, index) => `F${index + 1}`),
]);

const KEY_ALIASES: Record<string, string> = {
  esc: 'Escape',
  return: 'Enter',
  del: 'Delete',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  spacebar: 'Space',
};

function isLetter(key: string): boolean {
  return key.length === 1 && /\p{L}/u.test(key) && key.toLowerCase() !== key.toUpperCase();
}

/** The chord a key event stands for, or null for a lone modifier (Shift pressed on its own). */
export function chordFromEvent(event: KeyEventLike): Chord | null {
  let key = event.key;
  if (MODIFIER_KEYS.has(key)) return null;
  // AltGr (reported as Ctrl+Alt on Windows) types a character, as on Swedish keyboards: {[]}@.
  const altGraph = event.getModifierState?.('AltGraph') ?? false;
  const ctrl = event.ctrlKey && !altGraph;
  const alt = event.altKey && !altGraph;
  const withModifier = ctrl || event.metaKey || alt;
  const code = event.code ?? '';
  const letterCode = /^Key([A-Z])$/.exec(code);
  const digitCode = /^Digit(\d)$/.exec(code);
  if ((key === 'Dead' || key === 'Unidentified' || withModifier) && letterCode) key = letterCode[1]!.toLowerCase();
  else if ((key === 'Dead' || key === 'Unidentified' || withModifier) && digitCode) key = digitCode[1]!;
  if (key === ' ' || key === 'Spacebar') key = 'Space';
  let shift = event.shiftKey;
  if (isLetter(key)) key = key.toLowerCase();
  else if (key.length === 1 && !withModifier) shift = false; // "?" is Shift+/ by definition
  if (key === 'Dead' || key === 'Unidentified' || key === '') return null;
  return { key, ctrl, meta: event.metaKey, alt, shift };
}

/** A stable text form, for comparing chords and using them as map keys. */
export function chordId(chord: Chord): string {
  return `${chord.ctrl ? 'C' : ''}${chord.meta ? 'M' : ''}${chord.alt ? 'A' : ''}${chord.shift ? 'S' : ''}:${chord.key}`;
}

export function sameChord(a: Chord, b: Chord): boolean {
  return chordId(a) === chordId(b);
}

/** A chord with Ctrl, Cmd or Alt: such shortcuts are not typing, so some may work in fields. */
export function hasCommandModifier(chord: Chord): boolean {
  return chord.ctrl || chord.meta || chord.alt;
}

/**
 * Parses one chord: modifiers joined with "+", then the key ("Mod+Shift+R", "Shift+Space",
 * "?", "Mod+Enter"). "Mod" is Cmd on macOS and Ctrl elsewhere. Throws on nonsense, so a bad
 * preset fails its unit test and a bad user override is rejected when it is saved.
 */
export function parseChord(text: string, platform: Platform): Chord {
  const parts = text.split('+');
  // "Mod++" would mean the plus key; the keymap spells it "Plus" instead.
  if (parts.some((part) => part === '')) throw new Error(`Not a key: "${text}"`);
  const chord: Chord = { key: '', ctrl: false, meta: false, alt: false, shift: false };
  for (const [index, raw] of parts.entries()) {
    const part = raw.trim();
    if (index < parts.length - 1) {
      switch (part.toLowerCase()) {
        case 'mod':
          if (platform === 'mac') chord.meta = true;
          else chord.ctrl = true;
          break;
        case 'cmd':
        case 'meta':
          chord.meta = true;
          break;
        case 'ctrl':
        case 'control':
          chord.ctrl = true;
          break;
        case 'alt':
        case 'option':
          chord.alt = true;
          break;
        case 'shift':
          chord.shift = true;
          break;
        default:
          throw new Error(`Unknown modifier "${part}" in "${text}"`);
      }
      continue;
    }
    const alias = KEY_ALIASES[part.toLowerCase()];
    if (alias) chord.key = alias;
    else if (part.toLowerCase() === 'plus') chord.key = '+';
    else if (part.length === 1) chord.key = isLetter(part) ? part.toLowerCase() : part;
    else {
      const named = [...NAMED_KEYS].find((name) => name.toLowerCase() === part.toLowerCase());
      if (!named) throw new Error(`Unknown key "${part}" in "${text}"`);
      chord.key = named;
    }
  }
  // A printed symbol typed without Ctrl/Cmd/Alt already carries its Shift state.
  if (chord.key.length === 1 && !isLetter(chord.key) && !hasCommandModifier(chord)) chord.shift = false;
  return chord;
}

/** A key sequence: one chord ("e"), or several pressed one after the other ("g i"). */
export function parseSequence(text: string, platform: Platform): Chord[] {
  const steps = text.trim().split(/\s+/);
  if (steps.length === 0 || steps[0] === '') throw new Error('Empty shortcut');
  return steps.map((step) => parseChord(step, platform));
}

export function sequenceId(sequence: readonly Chord[]): string {
  return sequence.map(chordId).join(' ');
}

/** Writes a chord back in keymap notation (for saving what the user recorded). */
export function formatChordNotation(chord: Chord): string {
  const parts: string[] = [];
  if (chord.ctrl) parts.push('Ctrl');
  if (chord.meta) parts.push('Cmd');
  if (chord.alt) parts.push('Alt');
  if (chord.shift) parts.push('Shift');
  parts.push(chord.key === '+' ? 'Plus' : isLetter(chord.key) ? chord.key.toUpperCase() : chord.key);
  return parts.join('+');
}
