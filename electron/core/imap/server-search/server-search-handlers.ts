// The server-search methods of the contract (shared/contract-search.ts). The service spreads
// these handlers into its own; inputs arrive validated.
import type { SearchMethodName } from '../../../../shared/contract-search';
import type { MailboxId } from '../../../../shared/domain';
import type { MethodHandlers } from '../../method-handlers';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { SearchScope } from '../../../../shared/search-query';
import type { ServerSearch } from './server-search';

export interface ServerSearchHandlerDeps {
  serverSearch: ServerSearch;
  /** The folders a query searches (LocalSearch.foldersInScope), as ids. */
  foldersInScope: (query: string, scope: SearchScope) => MailboxId[];
  mailbox: (id: MailboxId) => MailboxRecord | null;
}

export function createServerSearchHandlers(deps: ServerSearchHandlerDeps): MethodHandlers<SearchMethodName> {
  return {
    'messages.serverSearch': async ({ query, scope }) => {
      const folders = deps
        .foldersInScope(query, scope)
        .map(deps.mailbox)
        .filter((box): box is MailboxRecord => box !== null && box.selectable);
      return deps.serverSearch.run(query, scope, folders);
    },
    'messages.cancelServerSearch': async () => {
      deps.serverSearch.cancel();
      return { ok: true as const };
    },
  };
}
