import { describe, expect, it } from 'vitest';
import {
  type KeyEventLike,
  chordFromEvent,
  chordId,
  formatChordNotation,
  parseChord,
  parseSequence,
} from '../../renderer/keyboard/key-chord';
import { type KeyNames, chordLabel, sequenceLabels } from '../../renderer/keyboard/key-label';
import { detectPlatform } from '../../renderer/keyboard/platform';

function key(key: string, modifiers: Partial<KeyEventLike> = {}): KeyEventLike {
  return { key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

const NAMES: KeyNames = {
  ctrl: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  tab: 'Tab',
  delete: 'Delete',
  backspace: 'Backspace',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageUp: 'Page Up',
  pageDown: 'Page Down',
};

describe('key chords', () => {
  it('a letter matches with or without Caps Lock, and Shift is its own modifier', () => {
    expect(chordId(chordFromEvent(key('j'))!)).toBe(chordId(parseChord('j', 'other')));
    expect(chordId(chordFromEvent(key('J', { shiftKey: true }))!)).toBe(chordId(parseChord('Shift+J', 'other')));
    // Caps Lock on: "J" without Shift is still plain j
    expect(chordId(chordFromEvent(key('J'))!)).toBe(chordId(parseChord('j', 'other')));
  });

  it('a printed symbol ignores the Shift it took to type it', () => {
    expect(chordId(chordFromEvent(key('?', { shiftKey: true }))!)).toBe(chordId(parseChord('?', 'other')));
    expect(chordId(chordFromEvent(key('#', { shiftKey: true }))!)).toBe(chordId(parseChord('#', 'other')));
    expect(chordId(chordFromEvent(key('*', { shiftKey: true }))!)).toBe(chordId(parseChord('*', 'other')));
  });

  it('Space and Shift+Space are different keys', () => {
    expect(chordFromEvent(key(' '))).toMatchObject({ key: 'Space', shift: false });
    expect(chordFromEvent(key(' ', { shiftKey: true }))).toMatchObject({ key: 'Space', shift: true });
  });

  it('with Ctrl, Cmd or Alt the physical key names the letter (Option+J on a Mac, Cyrillic layouts)', () => {
    expect(chordFromEvent(key('∆', { altKey: true, code: 'KeyJ' }))).toMatchObject({ key: 'j', alt: true });
    expect(chordFromEvent(key('к', { ctrlKey: true, code: 'KeyR' }))).toMatchObject({ key: 'r', ctrl: true });
    expect(chordFromEvent(key('!', { metaKey: true, shiftKey: true, code: 'Digit1' }))).toMatchObject({
      key: '1',
      meta: true,
      shift: true,
    });
  });

  it('AltGr types a character: "{" on a Swedish keyboard is not Ctrl+Alt+7', () => {
    const altGr = key('{', { ctrlKey: true, altKey: true, code: 'Digit7', getModifierState: (k) => k === 'AltGraph' });
    expect(chordFromEvent(altGr)).toEqual({ key: '{', ctrl: false, meta: false, alt: false, shift: false });
  });

  it('a lone modifier press is not a chord', () => {
    expect(chordFromEvent(key('Shift', { shiftKey: true }))).toBeNull();
    expect(chordFromEvent(key('Meta', { metaKey: true }))).toBeNull();
  });

  it('"Mod" is Cmd on a Mac and Ctrl elsewhere', () => {
    expect(parseChord('Mod+K', 'mac')).toMatchObject({ key: 'k', meta: true, ctrl: false });
    expect(parseChord('Mod+K', 'other')).toMatchObject({ key: 'k', meta: false, ctrl: true });
  });

  it('parses sequences and rejects nonsense', () => {
    expect(parseSequence('g i', 'other').map((c) => c.key)).toEqual(['g', 'i']);
    expect(() => parseChord('Hyper+K', 'other')).toThrow(/modifier/);
    expect(() => parseChord('Mod+Banana', 'other')).toThrow(/key/);
    expect(() => parseSequence('  ', 'other')).toThrow();
  });

  it('writes a recorded chord back in keymap notation', () => {
    expect(formatChordNotation(parseChord('Ctrl+Shift+r', 'other'))).toBe('Ctrl+Shift+R');
    expect(formatChordNotation(parseChord('?', 'other'))).toBe('?');
  });

  it('labels follow the platform', () => {
    expect(chordLabel(parseChord('Mod+Shift+R', 'other'), 'other', NAMES)).toBe('Ctrl+Shift+R');
    expect(chordLabel(parseChord('Mod+Shift+R', 'mac'), 'mac', NAMES)).toBe('⇧⌘R');
    expect(chordLabel(parseChord('Mod+Enter', 'mac'), 'mac', NAMES)).toBe('⌘↩');
    expect(sequenceLabels(parseSequence('g i', 'other'), 'other', NAMES)).toEqual(['g', 'i']);
    expect(
      chordLabel(parseChord('Shift+Space', 'other'), 'other', { ...NAMES, space: 'Blanksteg', shift: 'Skift' }),
    ).toBe('Skift+Blanksteg');
  });

  it('finds macOS from userAgentData or navigator.platform', () => {
    expect(detectPlatform({ userAgentData: { platform: 'macOS' } })).toBe('mac');
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac');
    expect(detectPlatform({ platform: 'Win32' })).toBe('other');
    expect(detectPlatform({ platform: 'Linux x86_64', userAgentData: { platform: 'Linux' } })).toBe('other');
    expect(detectPlatform(undefined)).toBe('other');
  });
});
