// The list's rows while searching: the same page cache as a folder, read with messages.search.
// Results can come from any folder, so any change re-reads them (coalesced, as a folder does).
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { MessageWindowStore } from '../message-list/message-window-store';
import type { MessageWindow } from '../message-list/use-message-window';
import type { ActiveSearch } from './use-search';

const COALESCE_MS = 250;
const noSubscription = () => () => {};
const zero = () => 0;

export function useSearchWindow(search: ActiveSearch | null): MessageWindow {
  const transport = useTransport();
  const [loadError, setLoadError] = useState<unknown>(null);
  const timer = useRef<number | null>(null);
  const query = search?.query ?? null;
  const scopeKey = search ? JSON.stringify(search.scope) : null;

  const store = useMemo(() => {
    if (query === null || scopeKey === null) return null;
    const scope = JSON.parse(scopeKey) as ActiveSearch['scope'];
    return new MessageWindowStore(
      (offset, limit) => transport.invoke('messages.search', { query, scope, offset, limit }),
      { onError: setLoadError },
    );
  }, [transport, query, scopeKey]);

  useEffect(() => setLoadError(null), [store]);
  const version = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getVersion ?? zero);
  useEffect(() => {
    if (version > 0) setLoadError(null);
  }, [version]);

  useTransportEvent('messages.changed', () => {
    if (!store || timer.current !== null) return;
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
