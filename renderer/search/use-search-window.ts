// The list's rows while searching: the same page cache as a folder, read with messages.search.
// Results can come from any folder, so any change re-reads them (coalesced, as a folder does).
import { useMemo } from 'react';
import { useTransport } from '../app/app-services';
import { MessageWindowStore } from '../message-list/message-window-store';
import { type MakeStore, type MessageWindow, useLiveWindow } from '../message-list/use-live-window';
import type { ActiveSearch } from './use-search';

const COALESCE_MS = 250;
const always = () => true;

export function useSearchWindow(search: ActiveSearch | null): MessageWindow {
  const transport = useTransport();
  const query = search?.query ?? null;
  const scopeKey = search ? JSON.stringify(search.scope) : null;

  const makeStore = useMemo<MakeStore | null>(() => {
    if (query === null || scopeKey === null) return null;
    const scope = JSON.parse(scopeKey) as ActiveSearch['scope'];
    return (onError) =>
      new MessageWindowStore((offset, limit) => transport.invoke('messages.search', { query, scope, offset, limit }), {
        onError,
      });
  }, [transport, query, scopeKey]);
  return useLiveWindow(makeStore, always, COALESCE_MS);
}
