// The rows the list shows: the folder's (or unified view's), or while searching the results
// instead, so the list and every command on it work on whichever is on screen. A new set of
// results starts with nothing selected; Enter in the search field jumps into them.
import { useEffect, useMemo } from 'react';
import type { Account, Mailbox, MailboxId, MessageId } from '../../shared/domain';
import type { ListSource } from '../message-list/list-source';
import { filteredQuery } from '../message-list/list-order-prefs';
import { type Selection, emptySelection } from '../message-list/selection';
import type { ListOrderState } from '../message-list/use-list-order';
import { type MessageWindow, useMessageWindow } from '../message-list/use-message-window';
import { useJumpIntoResults } from '../search/use-jump-into-results';
import { type SearchState, useSearch } from '../search/use-search';
import { type SearchListProps, useSearchListProps } from '../search/use-search-list-props';
import { useSearchWindow } from '../search/use-search-window';
import { type ServerSearchStatus, useServerSearch } from '../search/use-server-search';

export interface ShownList extends MessageWindow {
  search: SearchState;
  /** Enter in the search field: the list takes the focus and the first result is selected. */
  jumpIntoResults: () => void;
  /** What the list shows differently for search results. */
  searchListProps: SearchListProps;
  /** The server's half of the search on screen. */
  serverSearch: ServerSearchStatus;
}

export function useShownList(
  source: ListSource | null,
  shows: ReadonlySet<MailboxId>,
  accounts: readonly Account[],
  mailboxes: readonly Mailbox[],
  changeSelection: (next: Selection) => void,
  order: Pick<ListOrderState, 'sort' | 'filter'>,
  /** Stable: the message being read, which a filtered list keeps while it is open. */
  reading?: () => MessageId | null,
  /** The list shows conversations (conversation-mode.ts): newest first, the quick filters left out. */
  conversations = false,
): ShownList {
  const search = useSearch(source?.kind === 'mailbox' ? source.mailboxId : null);
  const folderWindow = useMessageWindow(source, shows, order.sort, order.filter, reading, conversations);
  // The quick filters narrow a search too, as the operators the query language has for them.
  const { filter } = order;
  const filteredSearch = useMemo(
    () => (search.active ? { ...search.active, query: filteredQuery(search.active.query, filter) } : null),
    [search.active, filter],
  );
  const searchWindow = useSearchWindow(filteredSearch, conversations);
  const serverSearch = useServerSearch(filteredSearch, searchWindow.store);
  useEffect(() => changeSelection(emptySelection), [searchWindow.store, changeSelection]);
  const jumpIntoResults = useJumpIntoResults(searchWindow.store, searchWindow.version, changeSelection);
  const searchListProps = useSearchListProps(search.active !== null, accounts, mailboxes);
  const { store, version, loadError } = search.active ? searchWindow : folderWindow;
  return { store, version, loadError, search, jumpIntoResults, searchListProps, serverSearch };
}
