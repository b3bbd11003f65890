// One MessageWindowStore per list on screen (a mailbox, a unified view), refreshed when the
// core reports changes to any folder the list shows.
// Bursts of 'messages.changed' during a sync are coalesced into one re-read of the visible rows.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MailboxId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { type ListSource, sourceKey, windowFetcher } from './list-source';
import { MessageWindowStore } from './message-window-store';

const COALESCE_MS = 60;
const noSubscription = () => () => {};
const zero = () => 0;

export interface MessageWindow {
  store: MessageWindowStore | null;
  /** Changes whenever a row changes; components re-render on it. */
  version: number;
  loadError: unknown;
}

/** `shows`: the folders whose messages the source lists (see list-source.ts). */
export function useMessageWindow(source: ListSource | null, shows: ReadonlySet<MailboxId>): MessageWindow {
  const transport = useTransport();
  const [loadError, setLoadError] = useState<unknown>(null);
  const timer = useRef<number | null>(null);

  // Keyed by what the source shows, not by the object: an equal source keeps its store.
  const key = sourceKey(source);
  const store = useMemo(
    () =>
      source === null ? null : new MessageWindowStore(windowFetcher(transport, source), { onError: setLoadError }),
    [transport, key],
  );

  // A store no longer shown is simply dropped: its late answers update nothing on screen.
  useEffect(() => setLoadError(null), [store]);

  const version = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getVersion ?? zero);

  useEffect(() => {
    if (version > 0) setLoadError(null);
  }, [version]);

  useTransportEvent('messages.changed', (change) => {
    if (!store || !shows.has(change.mailboxId) || timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void store.invalidate();
    }, COALESCE_MS);
  });

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    },
    [store],
  );

  return { store, version, loadError };
}
