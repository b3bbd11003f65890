// A page cache on screen, kept live: its version for rendering, the error of its last read, and
// one re-read a moment after the engine reports changes that concern it, so a burst of
// 'messages.changed' (a sync batch, a bulk move) costs one re-read of the visible rows. During a
// first sync the re-reads are spaced BURST_MS apart (see app/reread-pacer.ts).
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { EventPayload } from '../../shared/contract';
import { usePacedReread } from '../app/use-paced-reread';
import type { MessageWindowStore } from './message-window-store';

/** A first sync's batches re-read the list at most this often: about twice a second. */
const BURST_MS = 500;

const noSubscription = () => () => {};
const zero = () => 0;

export interface MessageWindow {
  store: MessageWindowStore | null;
  /** Changes whenever a row changes; components re-render on it. */
  version: number;
  loadError: unknown;
}

/** Memoized by the caller: a new function is a new list (and a new store). */
export type MakeStore = (onError: (error: unknown) => void) => MessageWindowStore;

export function useLiveWindow(
  makeStore: MakeStore | null,
  concerns: (change: EventPayload<'messages.changed'>) => boolean,
  coalesceMs: number,
): MessageWindow {
  const [loadError, setLoadError] = useState<unknown>(null);
  const store = useMemo(() => makeStore?.(setLoadError) ?? null, [makeStore]);

  // A store no longer shown is simply dropped: its late answers update nothing on screen.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the error belongs to the store that reported it
  useEffect(() => setLoadError(null), [store]);
  const version = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getVersion ?? zero);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a read that succeeded clears the last one's error
    if (version > 0) setLoadError(null);
  }, [version]);

  const pace = useMemo(() => ({ quietMs: coalesceMs, burstMs: Math.max(coalesceMs, BURST_MS) }), [coalesceMs]);
  const reread = useCallback(() => void store?.invalidate(), [store]);
  usePacedReread((change) => store !== null && concerns(change), reread, pace, store);

  return { store, version, loadError };
}
