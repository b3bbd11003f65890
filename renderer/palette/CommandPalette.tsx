// The command palette (Ctrl/Cmd+K): a combobox over every command, folder, move target and
// account, fuzzy-filtered as you type, recent choices first. ↑/↓ choose, Enter runs, Escape
// closes, Tab stays in the field; "Go to folder…", "Move to…" and "Switch account…" open
// their own list in place (Backspace in the empty field goes back).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Keymap } from '../keyboard/keymap';
import { ShortcutKeys } from '../keyboard/ShortcutKeys';
import { eventTriggers } from '../keyboard/use-keymap';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { highlightSegments } from './fuzzy';
import { type PaletteMode, prepareItems, rankItems } from './palette-items';
import { readRecent, rememberRecent } from './recent-commands';
import type { PaletteEntry } from './use-palette-entries';
import './palette.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

interface CommandPaletteProps {
  entries: readonly PaletteEntry[];
  initialMode: PaletteMode;
  /** How many messages "Move to…" would move (for its prompt). */
  moveCount: number;
  keymap: Keymap;
  onClose: () => void;
}

const PAGE = 8;

export function CommandPalette({ entries, initialMode, moveCount, keymap, onClose }: CommandPaletteProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [mode, setMode] = useState<PaletteMode>(initialMode);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState(() => readRecent(storage()));
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const prepared = useMemo(() => prepareItems(entries), [entries]);
  const ranked = useMemo(() => rankItems(prepared, mode, query, recent), [prepared, mode, query, recent]);
  const activeIndex = Math.min(active, Math.max(0, ranked.length - 1));
  const activeItem = ranked[activeIndex];
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => inputRef.current?.focus(), [mode]);

  useEffect(() => {
    listRef.current?.querySelector(`[id="${CSS.escape(optionId(activeIndex))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    if (entry.opens) {
      setMode(entry.opens);
      setQuery('');
      setActive(0);
      return;
    }
    setRecent(rememberRecent(storage(), entry.id));
    onClose();
    // After the dialog has closed and handed the focus back, so the command can move it.
    window.setTimeout(() => entry.run?.(), 0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = ranked.length;
    const go = (index: number) => setActive(count === 0 ? 0 : (index + count) % count);
    if (eventTriggers(keymap, 'palette', event)) {
      event.preventDefault();
      onClose();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        go(activeIndex + 1);
        break;
      case 'ArrowUp':
        go(activeIndex - 1);
        break;
      case 'PageDown':
        setActive(Math.min(count - 1, activeIndex + PAGE));
        break;
      case 'PageUp':
        setActive(Math.max(0, activeIndex - PAGE));
        break;
      case 'Enter':
        choose(activeItem?.item);
        break;
      case 'Tab':
        break; // the focus stays in the field
      case 'Backspace':
        if (query !== '' || mode === 'all') return;
        setMode('all');
        setActive(0);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const placeholder = {
    all: t('palette.placeholder'),
    folder: t('palette.folderPlaceholder'),
    move: t('palette.movePlaceholder', { count: moveCount }),
    account: t('palette.accountPlaceholder'),
  }[mode];

  return (
    <Dialog label={t('palette.label')} onClose={onClose} className="palette">
      <div className="palette-search">
        {mode === 'all' ? (
          <SearchIcon />
        ) : (
          <Icon name={mode === 'move' ? 'move' : mode === 'folder' ? 'folder' : 'account'} />
        )}
        {mode !== 'all' && (
          <button
            type="button"
            className="palette-mode"
            tabIndex={-1}
            title={t('palette.back')}
            onClick={() => {
              setMode('all');
              setActive(0);
            }}
          >
            {placeholder}
          </button>
        )}
        <input
          ref={inputRef}
          className="palette-input"
          type="text"
          role="combobox"
          aria-label={placeholder}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeItem ? optionId(activeIndex) : undefined}
          placeholder={mode === 'all' ? placeholder : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div ref={listRef} id={listId} className="palette-list" role="listbox" aria-label={t('palette.results')}>
        {ranked.map(({ item, indices, recent: isRecent }, index) => (
          <div
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'palette-option is-active' : 'palette-option'}
            onMouseMove={() => index !== activeIndex && setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
          >
            {item.icon ? (
              <Icon name={item.icon} className="palette-option-icon" />
            ) : (
              <span className="palette-option-icon is-blank" aria-hidden="true" />
            )}
            <span className="palette-option-text">
              <span className="palette-option-label">
                {highlightSegments(item.label, indices).map((segment, at) =>
                  segment.match ? <mark key={at}>{segment.text}</mark> : <span key={at}>{segment.text}</span>,
                )}
              </span>
              {item.detail && <span className="palette-option-detail">{item.detail}</span>}
            </span>
            {isRecent && query === '' && <span className="palette-tag">{t('palette.recent')}</span>}
            {item.kind === 'folder' && mode === 'all' && <span className="palette-tag">{t('palette.kindFolder')}</span>}
            {item.kind === 'account' && mode === 'all' && (
              <span className="palette-tag">{t('palette.kindAccount')}</span>
            )}
            {item.opens && <Icon name="chevronRight" size={14} className="palette-option-more" />}
            <ShortcutKeys sequences={item.sequences} limit={1} className="palette-option-keys" />
          </div>
        ))}
        {ranked.length === 0 && <p className="palette-empty">{t('palette.empty', { query: query.trim() })}</p>}
      </div>
      <p className="palette-hint" aria-hidden="true">
        {t('palette.hint')}
      </p>
    </Dialog>
  );
}

/** A magnifier (the shared icon set has none yet). */
function SearchIcon() {
  return (
    <svg
      className="icon"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="m15.5 15.5 5 5" />
    </svg>
  );
}
