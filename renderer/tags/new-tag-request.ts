// "New tag…" asks for a name in a small dialog, whoever asks (the Tag menu, the palette): the
// command hands over what to do with the name, and the one dialog (NewTagDialog, mounted with the
// Tag menu) shows while a request is open. A tiny store, so the command needs no window state.
import { useSyncExternalStore } from 'react';

export type ApplyNewTag = (keyword: string) => void;

let pending: ApplyNewTag | null = null;
const listeners = new Set<() => void>();

function set(next: ApplyNewTag | null): void {
  pending = next;
  for (const listener of listeners) listener();
}

export function requestNewTag(apply: ApplyNewTag): void {
  set(apply);
}

export function closeNewTagRequest(): void {
  set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The open request's action, or null when no dialog is asked for. */
export function useNewTagRequest(): ApplyNewTag | null {
  return useSyncExternalStore(subscribe, () => pending);
}
