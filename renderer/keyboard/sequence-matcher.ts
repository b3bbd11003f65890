// Turns key presses into actions, including two-key sequences such as "g i" and "* a": the
// first key waits (briefly) for the second. Pure: the caller passes the time and keeps the state.
import { type Chord, sequenceId } from './key-chord';
import type { ActionId, Binding } from './keymap';

/** How long the second key of a sequence may take (Gmail allows about a second). */
export const SEQUENCE_TIMEOUT_MS = 1200;

export interface MatcherState {
  /** Keys pressed so far of a sequence that is not complete yet. */
  pending: readonly Chord[];
  /** When the last of them was pressed. */
  at: number;
}

export const idleMatcher: MatcherState = { pending: [], at: 0 };

export type MatchResult =
  | { kind: 'action'; action: ActionId }
  /** The key starts a sequence: swallow it and wait for the next. */
  | { kind: 'pending' }
  | { kind: 'none' };

export interface MatchStep {
  state: MatcherState;
  result: MatchResult;
}

export function matchKey(
  bindings: readonly Binding[],
  state: MatcherState,
  chord: Chord,
  now: number,
  timeoutMs = SEQUENCE_TIMEOUT_MS,
): MatchStep {
  const pending = state.pending.length > 0 && now - state.at <= timeoutMs ? state.pending : [];

  const attempt = (prefix: readonly Chord[]): MatchStep | null => {
    const typed = [...prefix, chord];
    const id = sequenceId(typed);
    const exact = bindings.find((binding) => sequenceId(binding.sequence) === id);
    if (exact) return { state: idleMatcher, result: { kind: 'action', action: exact.action } };
    const continues = bindings.some(
      (binding) => binding.sequence.length > typed.length && sequenceId(binding.sequence.slice(0, typed.length)) === id,
    );
    if (continues) return { state: { pending: typed, at: now }, result: { kind: 'pending' } };
    return null;
  };

  // A key that does not continue the sequence starts afresh ("g" then "j" still moves down).
  return (
    attempt(pending) ?? (pending.length > 0 ? attempt([]) : null) ?? { state: idleMatcher, result: { kind: 'none' } }
  );
}
