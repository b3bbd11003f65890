import { describe, expect, it } from 'vitest';
import { type Chord, type KeyEventLike, chordFromEvent, parseChord } from '../../renderer/keyboard/key-chord';
import { resolveKeymap } from '../../renderer/keyboard/keymap';
import {
  type MatcherState,
  SEQUENCE_TIMEOUT_MS,
  idleMatcher,
  matchKey,
} from '../../renderer/keyboard/sequence-matcher';

const { keymap } = resolveKeymap('gmail', {}, 'other');

function press(text: string): Chord {
  return parseChord(text, 'other');
}

/** Feeds keys at the given times; returns what each one did. */
function type(keys: [string, number][]): string[] {
  let state: MatcherState = idleMatcher;
  return keys.map(([text, at]) => {
    const step = matchKey(keymap.bindings, state, press(text), at);
    state = step.state;
    return step.result.kind === 'action' ? step.result.action : step.result.kind;
  });
}

describe('key sequences', () => {
  it('g then i goes to the Inbox, g then s to Sent', () => {
    expect(
      type([
        ['g', 0],
        ['i', 300],
      ]),
    ).toEqual(['pending', 'goInbox']);
    expect(
      type([
        ['g', 0],
        ['s', 300],
      ]),
    ).toEqual(['pending', 'goSent']);
    expect(
      type([
        ['*', 0],
        ['a', 100],
      ]),
    ).toEqual(['pending', 'selectAll']);
    expect(
      type([
        ['*', 0],
        ['n', 100],
      ]),
    ).toEqual(['pending', 'selectNone']);
  });

  it('a single key still works on its own: "a" replies to all unless it follows "*"', () => {
    expect(type([['a', 0]])).toEqual(['replyAll']);
    expect(
      type([
        ['*', 0],
        ['a', 50],
        ['a', 100],
      ]),
    ).toEqual(['pending', 'selectAll', 'replyAll']);
  });

  it('the second key must come within the timeout', () => {
    expect(
      type([
        ['g', 0],
        ['i', SEQUENCE_TIMEOUT_MS + 1],
      ]),
    ).toEqual(['pending', 'none']);
    expect(
      type([
        ['g', 0],
        ['s', SEQUENCE_TIMEOUT_MS + 1],
      ]),
    ).toEqual(['pending', 'toggleStar']);
  });

  it('a key that does not continue the sequence starts afresh', () => {
    expect(
      type([
        ['g', 0],
        ['j', 100],
      ]),
    ).toEqual(['pending', 'nextMessage']);
    expect(
      type([
        ['g', 0],
        ['q', 100],
        ['e', 200],
      ]),
    ).toEqual(['pending', 'none', 'archive']);
  });

  it('unbound keys do nothing', () => {
    expect(
      type([
        ['q', 0],
        ['Mod+Shift+F12', 10],
      ]),
    ).toEqual(['none', 'none']);
  });

  it('events from a real keyboard reach the same chords', () => {
    const event: KeyEventLike = {
      key: 'i',
      code: 'KeyI',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
    };
    let state = matchKey(keymap.bindings, idleMatcher, chordFromEvent({ ...event, key: 'g', code: 'KeyG' })!, 0).state;
    const step = matchKey(keymap.bindings, state, chordFromEvent(event)!, 10);
    state = step.state;
    expect(step.result).toEqual({ kind: 'action', action: 'goInbox' });
    expect(state).toEqual(idleMatcher);
  });
});
