// The list's rows while searching: the same page cache as a folder, read with messages.search.
// Results can come from any folder, so any change re-reads them (coalesced, as a folder does).
import { useMemo } from 'react';
import { useTransport } from '../app/app-services';
import { MessageWindowStore } from '../message-list/message-window-store';
import { type MakeStore, type MessageWindow, useLiveWindow } from '../message-list/use-live-window';
import type { ActiveSearch } from './use-search';

const COALESCE_MS = 250;
const always = () => true;

/** `conversations`: the results grouped into conversations (conversation mode of the list searched). */
export function useSearchWindow(search: ActiveSearch | null, conversations = false): MessageWindow {
  const transport = useTransport();

  // `search` is the same object until the query or the folder searched changes (use-search.ts).
  const makeStore = useMemo<MakeStore | null>(() => {
    if (search === null) return null;
    const { query, scope } = search;
    const method = conversations ? 'conversations.search' : 'messages.search';
    return (onError) =>
      new MessageWindowStore((offset, limit) => transport.invoke(method, { query, scope, offset, limit }), {
        onError,
      });
  }, [transport, search, conversations]);
  return useLiveWindow(makeStore, always, COALESCE_MS);
}
