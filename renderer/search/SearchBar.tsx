// The search field above the message list: a search landmark with a labelled searchbox, where
// to look (this folder / all mail), a short list of the operators, and the quick filters
// (unread, starred, with attachments): toggles that narrow the folder or the results alike. Typing searches as you go;
// Enter goes into the results; Esc clears and goes back to the folder.
import { memo, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListFilter, QUICK_FILTERS, type QuickFilter } from '../../shared/list-order';
import { SEARCH_QUERY_MAX_LENGTH } from '../../shared/search-query';
import { focusPane } from '../keyboard/pane-focus';
import { Icon, type IconName } from '../ui/Icon';
import { SEARCH_FIELD_ID } from './search-focus';
import type { SearchScopeChoice, SearchState } from './use-search';
import './search.css';

const OPERATORS = [
  'from',
  'to',
  'subject',
  'phrase',
  'exclude',
  'unread',
  'starred',
  'attachment',
  'tag',
  'filename',
  'folder',
  'dates',
] as const;

interface SearchBarProps {
  search: SearchState;
  /** Enter: search now and move into the results. */
  onJump: () => void;
  filter: ListFilter;
  onToggleFilter: (name: QuickFilter) => void;
  /** The list shows conversations and no search: those are unfiltered, so the filters wait. */
  filtersOff?: boolean;
}

const FILTER_ICONS: Record<QuickFilter, IconName> = { unread: 'mail', starred: 'star', attachments: 'paperclip' };

/** Memoized: a key press that moves through the list changes none of its props. */
export const SearchBar = memo(function SearchBar({
  search,
  onJump,
  filter,
  onToggleFilter,
  filtersOff = false,
}: SearchBarProps) {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const { active, clear } = search;

  // While results show, Esc in the list (not in the field, which has its own) leaves the search.
  useEffect(() => {
    if (!active) return;
    const pane = document.getElementById('pane-list');
    if (!pane) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if ((event.target as Element | null)?.closest('[role="search"]')) return;
      event.preventDefault();
      event.stopPropagation();
      clear();
      focusPane('list');
    };
    pane.addEventListener('keydown', onKeyDown);
    return () => pane.removeEventListener('keydown', onKeyDown);
  }, [active, clear]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      search.commit();
      onJump();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setHelpOpen(false);
      search.clear();
      focusPane('list');
    }
  };

  return (
    <form role="search" aria-label={t('search.landmark')} className="search-bar" onSubmit={(e) => e.preventDefault()}>
      <div className="search-row">
        <input
          id={SEARCH_FIELD_ID}
          type="search"
          className="search-field"
          aria-label={t('search.field')}
          placeholder={t('search.placeholder')}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          value={search.text}
          onChange={(event) => search.setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <select
          className="search-scope"
          aria-label={t('search.scope')}
          value={search.scopeChoice}
          onChange={(event) => search.setScopeChoice(event.target.value as SearchScopeChoice)}
        >
          <option value="folder">{t('search.scopeFolder')}</option>
          <option value="all">{t('search.scopeAll')}</option>
        </select>
        <button
          type="button"
          className="search-help-button"
          aria-label={t('search.help')}
          title={t('search.help')}
          aria-expanded={helpOpen}
          aria-controls={helpId}
          onClick={() => setHelpOpen((open) => !open)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && helpOpen) {
              event.stopPropagation();
              setHelpOpen(false);
            }
          }}
        >
          ?
        </button>
      </div>
      <div className="quick-filters" role="group" aria-label={t('listOrder.filtersGroup')}>
        {QUICK_FILTERS.map((name) => (
          <button
            key={name}
            type="button"
            className="quick-filter"
            aria-pressed={filter[name] === true}
            disabled={filtersOff}
            title={filtersOff ? t('listOrder.filtersInConversations') : undefined}
            onClick={() => onToggleFilter(name)}
          >
            <Icon name={FILTER_ICONS[name]} size={12} />
            {t(`listOrder.filters.${name}`)}
          </button>
        ))}
      </div>
      {helpOpen && (
        <div id={helpId} className="search-help" role="note" aria-label={t('search.help')}>
          <dl>
            {OPERATORS.map((operator) => (
              <div key={operator} className="search-help-row">
                <dt>
                  <code>{t(`search.operators.${operator}.syntax`)}</code>
                </dt>
                <dd>{t(`search.operators.${operator}.meaning`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </form>
  );
});
