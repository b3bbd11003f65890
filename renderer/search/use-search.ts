// The search box's state: what is typed, where to look, and the query the list shows (typed
// text settles for a moment first, so each key press does not start a search).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MailboxId } from '../../shared/domain';
import { isSearchEmpty, parseSearchQuery, type SearchScope } from '../../shared/search-query';

const DEBOUNCE_MS = 150;

export type SearchScopeChoice = 'folder' | 'all';

/** The search the list shows: null shows the folder. */
export interface ActiveSearch {
  query: string;
  scope: SearchScope;
}

export interface SearchState {
  text: string;
  setText: (text: string) => void;
  scopeChoice: SearchScopeChoice;
  setScopeChoice: (choice: SearchScopeChoice) => void;
  active: ActiveSearch | null;
  /** Search now, without waiting for the typing to settle (Enter). */
  commit: () => void;
  /** Back to the folder. */
  clear: () => void;
}

export function useSearch(mailboxId: MailboxId | null): SearchState {
  const [text, setText] = useState('');
  const [settled, setSettled] = useState('');
  const [scopeChoice, setScopeChoice] = useState<SearchScopeChoice>('folder');
  const timer = useRef<number | null>(null);

  useEffect(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      setSettled(text);
    }, DEBOUNCE_MS);
    return () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [text]);

  const clear = useCallback(() => {
    setText('');
    setSettled('');
  }, []);

  // Choosing another folder leaves the search, as in Apple Mail and Thunderbird.
  const shownMailbox = useRef(mailboxId);
  useEffect(() => {
    if (shownMailbox.current === mailboxId) return;
    shownMailbox.current = mailboxId;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- leaving the search follows a folder change made elsewhere (App's list source)
    if (scopeChoice === 'folder') clear();
  }, [mailboxId, scopeChoice, clear]);

  // The same object while the query and the folder searched stay the same (the results' store is
  // made per search): a folder change with "all mail" chosen keeps the results.
  const query = settled.trim();
  const searching = useMemo(() => query !== '' && !isSearchEmpty(parseSearchQuery(query)), [query]);
  // A unified view is no one folder: "this folder" there means every account's mail.
  const searchedMailbox = scopeChoice === 'all' ? null : mailboxId;
  const active = useMemo<ActiveSearch | null>(() => {
    if (!searching) return null;
    return searchedMailbox === null
      ? { query, scope: { kind: 'all' } }
      : { query, scope: { kind: 'mailbox', mailboxId: searchedMailbox } };
  }, [searching, query, searchedMailbox]);

  const commit = useCallback(() => setSettled(text), [text]);
  // The same object until the search changes: the search bar is memoized on it.
  return useMemo(
    () => ({ text, setText, scopeChoice, setScopeChoice, active, commit, clear }),
    [text, scopeChoice, active, commit, clear],
  );
}
