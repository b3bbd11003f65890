// The server's half of a search: once the local results of a query are on screen (the query has
// settled a moment longer), the engine searches the server with it (messages.serverSearch);
// when that answers, the results are read again, now with the server's hits merged in. A new
// query or leaving the search cancels the server search under way.
import { useEffect, useState } from 'react';
import type { MethodResult } from '../../shared/contract';
import { useTransport } from '../app/app-services';
import type { MessageWindowStore } from '../message-list/message-window-store';
import type { ActiveSearch } from './use-search';

/** After the local results: a query still being typed never reaches the server. */
const SERVER_DELAY_MS = 400;

export type ServerSearchStatus =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'answered'; result: MethodResult<'messages.serverSearch'> }
  | { state: 'failed' };

const IDLE: ServerSearchStatus = { state: 'idle' };

export function useServerSearch(search: ActiveSearch | null, store: MessageWindowStore | null): ServerSearchStatus {
  const transport = useTransport();
  const [status, setStatus] = useState<{ for: ActiveSearch | null; status: ServerSearchStatus }>({
    for: null,
    status: IDLE,
  });

  useEffect(() => {
    if (search === null) return;
    let current = true;
    const timer = window.setTimeout(() => {
      setStatus({ for: search, status: { state: 'searching' } });
      transport
        .invoke('messages.serverSearch', { query: search.query, scope: search.scope })
        .then((result) => {
          if (!current) return;
          setStatus({ for: search, status: { state: 'answered', result } });
          // the server's hits that were cached already changed no row: read the results again
          if (result.matched > 0) void store?.invalidate();
        })
        .catch(() => {
          if (current) setStatus({ for: search, status: { state: 'failed' } });
        });
    }, SERVER_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
      // the next query's call cancels this one too; leaving the search has no next call
      transport.invoke('messages.cancelServerSearch', {}).catch(() => undefined);
    };
  }, [transport, search, store]);

  return status.for === search ? status.status : IDLE;
}
