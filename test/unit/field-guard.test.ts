import { describe, expect, it } from 'vitest';
import { type Chord, parseChord } from '../../renderer/keyboard/key-chord';
import { type ElementLike, isTypingTarget, shortcutAllowed } from '../../renderer/keyboard/field-guard';
import { actionScope, resolveKeymap } from '../../renderer/keyboard/keymap';
import { idleMatcher, matchKey } from '../../renderer/keyboard/sequence-matcher';

const { keymap } = resolveKeymap('gmail', {}, 'other');

function press(text: string): Chord {
  return parseChord(text, 'other');
}

function element(tagName: string, attributes: Record<string, string> = {}, editable = false): ElementLike {
  return { tagName, isContentEditable: editable, getAttribute: (name) => attributes[name] ?? null };
}

const free = { modalOpen: false, inDialog: false, inOverlay: false };

function allowed(text: string, target: ElementLike | null, context: Partial<typeof free> = {}): boolean {
  const step = matchKey(keymap.bindings, idleMatcher, press(text), 0);
  if (step.result.kind !== 'action') throw new Error(`${text} is not bound`);
  return shortcutAllowed(actionScope(step.result.action), press(text), { target, ...free, ...context });
}

describe('when shortcuts stay quiet', () => {
  it('text fields, text areas, selects and contenteditable count as typing; checkboxes do not', () => {
    expect(isTypingTarget(element('INPUT'))).toBe(true);
    expect(isTypingTarget(element('input', { type: 'email' }))).toBe(true);
    expect(isTypingTarget(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(element('SELECT'))).toBe(true);
    expect(isTypingTarget(element('DIV', {}, true))).toBe(true);
    expect(isTypingTarget(element('DIV', { role: 'combobox' }))).toBe(true);
    expect(isTypingTarget(element('DIV', { role: 'listbox' }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('single keys never fire while typing', () => {
    for (const text of ['j', 'e', '#', 's', 'Shift+I', 'z', '?', 'g']) {
      if (text === 'g') continue; // only the start of a sequence
      expect(allowed(text, element('INPUT')), text).toBe(false);
      expect(allowed(text, element('DIV', {}, true)), text).toBe(false);
      expect(allowed(text, element('DIV', { role: 'listbox' })), text).toBe(true);
    }
  });

  it('Ctrl/Cmd+Z in a field is the field’s own undo; Ctrl/Cmd+K and F6 work everywhere', () => {
    expect(allowed('Mod+Z', element('TEXTAREA'))).toBe(false);
    expect(allowed('Mod+K', element('TEXTAREA'))).toBe(true);
    expect(allowed('F6', element('INPUT'))).toBe(true);
  });

  it('nothing fires while a modal dialog is open; only global keys inside the composer', () => {
    expect(allowed('e', element('BODY'), { modalOpen: true })).toBe(false);
    expect(allowed('Mod+K', element('BODY'), { modalOpen: true })).toBe(false);
    expect(allowed('e', element('BUTTON'), { inDialog: true })).toBe(false);
    expect(allowed('F6', element('BUTTON'), { inDialog: true })).toBe(true);
  });

  it('Enter and Space on a focused button press the button', () => {
    expect(allowed('Enter', element('BUTTON'))).toBe(false);
    expect(allowed('Space', element('A', { href: '#' }))).toBe(false);
    expect(allowed('Enter', element('DIV', { role: 'listbox' }))).toBe(true);
    expect(allowed('Space', element('BODY'))).toBe(true);
    // other keys still work there
    expect(allowed('e', element('BUTTON'))).toBe(true);
  });

  it('in the shortcut overlay shortcuts still work, but Escape closes the overlay', () => {
    expect(allowed('j', element('BUTTON'), { inOverlay: true })).toBe(true);
    expect(allowed('Escape', element('BUTTON'), { inOverlay: true })).toBe(false);
  });

  it('the composer’s send key is never a global shortcut', () => {
    expect(shortcutAllowed('composer', press('Mod+Enter'), { target: element('BODY'), ...free })).toBe(false);
  });
});
