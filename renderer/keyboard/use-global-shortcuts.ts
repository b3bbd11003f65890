// The one keydown listener behind every shortcut: it reads the event as a chord, feeds the
// sequence matcher, checks that the shortcut may fire here (not while typing, not under a
// dialog) and hands the action to the app. Keys a component already handled
// (defaultPrevented: the folder tree's arrows, a menu's Escape) are left alone.
import { useEffect, useRef } from 'react';
import { chordFromEvent } from './key-chord';
import { shortcutAllowed } from './field-guard';
import { type ActionId, type Keymap, actionScope } from './keymap';
import { shortcutContext } from './keyboard-context';
import { type MatcherState, idleMatcher, matchKey } from './sequence-matcher';

export interface ShortcutEvent {
  /** The key is held down and auto-repeating (holding j). */
  repeat: boolean;
}

export function useGlobalShortcuts(keymap: Keymap, onAction: (action: ActionId, event: ShortcutEvent) => void): void {
  const state = useRef<MatcherState>(idleMatcher);
  const latest = useRef({ keymap, onAction });
  useEffect(() => {
    latest.current = { keymap, onAction };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const chord = chordFromEvent(event);
      if (!chord) return;
      const context = shortcutContext(event.target);
      const usable = latest.current.keymap.bindings.filter((binding) =>
        shortcutAllowed(actionScope(binding.action), chord, context),
      );
      const step = matchKey(usable, state.current, chord, event.timeStamp || performance.now());
      state.current = step.state;
      if (step.result.kind === 'none') return;
      event.preventDefault();
      if (step.result.kind === 'action') latest.current.onAction(step.result.action, { repeat: event.repeat });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
