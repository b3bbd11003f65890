import { describe, expect, it } from 'vitest';
import { type KeyEventLike, chordFromEvent, chordId } from '../../renderer/keyboard/key-chord';
import {
  ACTION_IDS,
  type ActionId,
  PRESET_IDS,
  bindingsOf,
  findConflicts,
  resolveKeymap,
} from '../../renderer/keyboard/keymap';
import { KEYMAP_STORAGE_KEY, KeymapSettings, parseKeymapSettings } from '../../renderer/keyboard/keymap-settings';

function key(key: string, modifiers: Partial<KeyEventLike> = {}): KeyEventLike {
  return { key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

function actionFor(preset: (typeof PRESET_IDS)[number], platform: 'mac' | 'other', event: KeyEventLike) {
  const { keymap } = resolveKeymap(preset, {}, platform);
  const chord = chordFromEvent(event);
  if (!chord) return null;
  return keymap.bindings.find((b) => b.sequence.length === 1 && chordId(b.sequence[0]!) === chordId(chord))?.action;
}

describe('presets', () => {
  for (const preset of PRESET_IDS) {
    for (const platform of ['mac', 'other'] as const) {
      it(`${preset} on ${platform}: every shortcut parses and none clashes with another`, () => {
        const { keymap, invalid } = resolveKeymap(preset, {}, platform);
        expect(invalid).toEqual([]);
        const clashes = findConflicts(keymap).map(([a, b]) => `${a.action} ${a.notation} / ${b.action} ${b.notation}`);
        expect(clashes).toEqual([]);
      });
    }
  }

  it('Gmail: j/k, e, #, !, s, Shift+I/U, r/a/f/c, /, x, z and ?', () => {
    const cases: [KeyEventLike, ActionId][] = [
      [key('j'), 'nextMessage'],
      [key('k'), 'previousMessage'],
      [key('ArrowDown'), 'nextMessage'],
      [key('Enter'), 'openMessage'],
      [key('o'), 'openMessage'],
      [key('u'), 'backToList'],
      [key('Escape'), 'backToList'],
      [key('e'), 'archive'],
      [key('#', { shiftKey: true }), 'delete'],
      [key('Delete'), 'delete'],
      [key('!', { shiftKey: true }), 'junk'],
      [key('s'), 'toggleStar'],
      [key('I', { shiftKey: true }), 'markRead'],
      [key('U', { shiftKey: true }), 'markUnread'],
      [key('r'), 'reply'],
      [key('a'), 'replyAll'],
      [key('f'), 'forward'],
      [key('c'), 'compose'],
      [key('/'), 'search'],
      [key('x'), 'toggleSelect'],
      [key('J', { shiftKey: true }), 'extendNext'],
      [key('v'), 'move'],
      [key('z'), 'undo'],
      [key('z', { ctrlKey: true, code: 'KeyZ' }), 'undo'],
      [key('?', { shiftKey: true }), 'shortcuts'],
      [key(' '), 'pageDown'],
      [key(' ', { shiftKey: true }), 'pageUp'],
      [key('k', { ctrlKey: true, code: 'KeyK' }), 'palette'],
      [key('F6'), 'nextPane'],
      [key('F6', { shiftKey: true }), 'previousPane'],
    ];
    for (const [event, action] of cases) expect(actionFor('gmail', 'other', event), event.key).toBe(action);
    expect(actionFor('gmail', 'mac', key('z', { metaKey: true, code: 'KeyZ' }))).toBe('undo');
  });

  it('Outlook: Ctrl+R, Ctrl+Shift+R, Ctrl+F, Ctrl+Q, Ctrl+U, Delete, Ctrl+N, Ctrl+Shift+V', () => {
    const ctrl = (letter: string, shift = false) =>
      key(shift ? letter.toUpperCase() : letter, {
        ctrlKey: true,
        shiftKey: shift,
        code: `Key${letter.toUpperCase()}`,
      });
    expect(actionFor('outlook', 'other', ctrl('r'))).toBe('reply');
    expect(actionFor('outlook', 'other', ctrl('r', true))).toBe('replyAll');
    expect(actionFor('outlook', 'other', ctrl('f'))).toBe('forward');
    expect(actionFor('outlook', 'other', ctrl('q'))).toBe('markRead');
    expect(actionFor('outlook', 'other', ctrl('u'))).toBe('markUnread');
    expect(actionFor('outlook', 'other', ctrl('n'))).toBe('compose');
    expect(actionFor('outlook', 'other', ctrl('v', true))).toBe('move');
    expect(actionFor('outlook', 'other', key('Delete'))).toBe('delete');
    // single letters do nothing in Outlook
    expect(actionFor('outlook', 'other', key('e'))).toBeUndefined();
  });

  it('Apple Mail: Cmd+R, Cmd+Shift+R, Cmd+Shift+F, Cmd+Shift+U, Cmd+Shift+L, Cmd+Ctrl+A, Cmd+Shift+D', () => {
    const cmd = (letter: string, extra: Partial<KeyEventLike> = {}) =>
      key(letter, { metaKey: true, code: `Key${letter.toUpperCase()}`, ...extra });
    expect(actionFor('apple', 'mac', cmd('r'))).toBe('reply');
    expect(actionFor('apple', 'mac', cmd('r', { shiftKey: true }))).toBe('replyAll');
    expect(actionFor('apple', 'mac', cmd('f', { shiftKey: true }))).toBe('forward');
    expect(actionFor('apple', 'mac', cmd('u', { shiftKey: true }))).toBe('toggleRead');
    expect(actionFor('apple', 'mac', cmd('l', { shiftKey: true }))).toBe('toggleStar');
    expect(actionFor('apple', 'mac', cmd('a', { ctrlKey: true }))).toBe('archive');
    expect(actionFor('apple', 'mac', key(']', { metaKey: true }))).toBe('nextMessage');
    expect(actionFor('apple', 'mac', key('Backspace'))).toBe('delete');
    const { keymap } = resolveKeymap('apple', {}, 'mac');
    expect(bindingsOf(keymap, 'send').map((b) => b.notation)).toEqual(['Mod+Shift+D']);
    // Cmd+Ctrl+A has no twin on Windows: Ctrl+Alt+A, so it cannot clash with Ctrl+A (select all)
    expect(actionFor('apple', 'other', key('a', { ctrlKey: true, altKey: true, code: 'KeyA' }))).toBe('archive');
    expect(actionFor('apple', 'other', key('a', { ctrlKey: true, code: 'KeyA' }))).toBe('selectAll');
  });

  it('every action has a place in every preset (possibly without a key)', () => {
    for (const preset of PRESET_IDS) {
      const { keymap } = resolveKeymap(preset, {}, 'other');
      for (const action of ['palette', 'undo', 'archive', 'reply', 'compose', 'send'] as const)
        expect(bindingsOf(keymap, action).length, `${preset} ${action}`).toBeGreaterThan(0);
      expect(keymap.bindings.every((b) => ACTION_IDS.includes(b.action))).toBe(true);
    }
  });
});

describe('overrides', () => {
  it('replace an action’s shortcuts and take the key away from the action that had it', () => {
    const { keymap } = resolveKeymap('gmail', { archive: ['y'], toggleStar: ['e'] }, 'other');
    expect(bindingsOf(keymap, 'archive').map((b) => b.notation)).toEqual(['y']);
    expect(bindingsOf(keymap, 'toggleStar').map((b) => b.notation)).toEqual(['e']);
    expect(findConflicts(keymap)).toEqual([]);
  });

  it('an empty list turns a shortcut off; an unreadable one is reported, not thrown', () => {
    const { keymap, invalid } = resolveKeymap('gmail', { junk: [], reply: ['Hyper+R', 'Shift+R'] }, 'other');
    expect(bindingsOf(keymap, 'junk')).toEqual([]);
    expect(bindingsOf(keymap, 'reply').map((b) => b.notation)).toEqual(['Shift+R']);
    expect(invalid).toEqual([{ action: 'reply', notation: 'Hyper+R' }]);
  });

  it('a key that starts a sequence is reported as a conflict', () => {
    const { keymap } = resolveKeymap('gmail', { compose: ['g'] }, 'other');
    expect(findConflicts(keymap).map(([a, b]) => [a.action, b.action].sort().join('/'))).toContain('compose/goInbox');
  });

  it('are saved in localStorage and survive a broken value', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    const settings = new KeymapSettings(storage);
    let notified = 0;
    settings.subscribe(() => notified++);
    settings.setPreset('outlook');
    settings.setOverride('archive', ['y']);
    expect(new KeymapSettings(storage).get()).toEqual({ preset: 'outlook', overrides: { archive: ['y'] } });
    settings.setOverride('archive', null);
    expect(new KeymapSettings(storage).get().overrides).toEqual({});
    expect(notified).toBe(3);

    expect(parseKeymapSettings('{not json')).toEqual({ preset: 'gmail', overrides: {} });
    expect(parseKeymapSettings(JSON.stringify({ preset: 'emacs', overrides: { fly: ['x'], reply: [1] } }))).toEqual({
      preset: 'gmail',
      overrides: {},
    });
    expect(store.has(KEYMAP_STORAGE_KEY)).toBe(true);
  });
});
