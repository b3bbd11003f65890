// The virtualized message list. Only the rows on screen exist in the DOM; their data comes
// in pages from the store as they scroll into view. Selection is by message id, and when
// mail arrives above the rows being read the scroll position moves with them, so live
// updates neither change the selection nor move what the user is looking at.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AccountId, MessageHeader } from '../../shared/domain';
import { errorMessage } from '../app/error-message';
import { useLocale } from '../app/app-services';
import { useNow } from '../app/use-now';
import { Icon } from '../ui/Icon';
import type { AccountLabel } from './account-labels';
import type { MessageWindowStore } from './message-window-store';
import { MessageRow, MessageRowSkeleton, ROW_HEIGHT, messageRowId } from './MessageRow';
import { type Selection, selectOnly, selectRange, toggleOne } from './selection';
import './message-list.css';

/** A Shift+click never reads more than this many rows to build its range. */
const MAX_RANGE = 10_000;
const LOAD_DELAY_MS = 40;

interface MessageListProps {
  store: MessageWindowStore | null;
  version: number;
  loadError: unknown;
  showRecipients: boolean;
  /** Given when the list mixes accounts: each row then names its account. */
  accountLabels?: ReadonlyMap<AccountId, AccountLabel> | null;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  /** Each row's folder, for lists that span folders (search results). */
  rowLocation?: (header: MessageHeader) => string | undefined;
  /** What an empty list says instead of "No messages" (search: "No messages match"). */
  emptyText?: { title: string; hint: string };
  /** A double-click on a row (the click before it selected that row). */
  onOpen?: () => void;
}

export function MessageList({
  store,
  version,
  loadError,
  showRecipients,
  accountLabels = null,
  selection,
  onSelectionChange,
  rowLocation,
  emptyText,
  onOpen,
}: MessageListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ id: number; index: number } | null>(null);
  // The list's scroll offset as its scroll events last told it (or as written here): reading
  // scrollTop after a render has changed the DOM forces a layout, which a key press should not pay.
  const knownScrollTop = useRef(0);
  const total = store?.total ?? null;

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  // A new mailbox starts at the top and reads its first page at once.
  useEffect(() => {
    if (!store) return;
    anchor.current = null;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    knownScrollTop.current = 0;
    void store.setVisibleRange(0, 40);
  }, [store]);

  // Rows scrolled into view are read shortly after scrolling settles on them.
  useEffect(() => {
    if (!store || total === null) return;
    const timer = window.setTimeout(() => void store.setVisibleRange(firstIndex, lastIndex), LOAD_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [store, total, firstIndex, lastIndex]);

  // Keep the first visible message in place when rows are added or removed above it.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || !store) return;
    const previous = anchor.current;
    if (previous && knownScrollTop.current > 0) {
      const index = store.indexOf(previous.id);
      if (index >= 0 && index !== previous.index) {
        element.scrollTop += (index - previous.index) * ROW_HEIGHT;
        knownScrollTop.current = element.scrollTop;
      }
    }
    recordAnchor();
  }, [version, store]);

  function recordAnchor() {
    const element = scrollRef.current;
    if (!element || !store) return;
    const index = Math.floor(knownScrollTop.current / ROW_HEIGHT);
    const row = store.getRow(index);
    anchor.current = row ? { id: row.id, index } : null;
  }

  // Looked up once per list change, not on every scrolled frame: indexOf scans the loaded pages.
  const currentIndex = useMemo(() => {
    void version; // the store changed: look again
    return store && selection.currentId !== null ? store.indexOf(selection.currentId) : -1;
  }, [store, version, selection.currentId]);

  // The current message stays in view however it became current (j/k from any pane, the
  // neighbour taking over after an archive, an undo bringing a message back).
  // Only when it is not in view already: the virtualizer's cached scroll offset and viewport
  // answer without touching the DOM. And not in the key press's task: a scroll write (and
  // scrollToIndex's measuring) forces a layout of the DOM the press has just changed, and the
  // scroll event it raises re-renders the rows before the frame is painted. Written at the start
  // of the next frame instead, its layout is that frame's own, the overscanned rows already
  // cover the row scrolled to, and the rows catch up on the following frame.
  useEffect(() => {
    if (currentIndex < 0) return;
    const top = currentIndex * ROW_HEIGHT;
    const offset = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    if (offset !== null && height !== undefined && top >= offset && top + ROW_HEIGHT <= offset + height) return;
    const frame = requestAnimationFrame(() => {
      const element = scrollRef.current;
      if (!element) return;
      const viewport = element.clientHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + viewport) element.scrollTop = top + ROW_HEIGHT - viewport;
      knownScrollTop.current = element.scrollTop;
    });
    return () => cancelAnimationFrame(frame);
  }, [selection.currentId, currentIndex, virtualizer]);

  const handleRowClick = async (index: number, header: MessageHeader, event: MouseEvent) => {
    if (!store) return;
    if (event.metaKey || event.ctrlKey) {
      onSelectionChange(toggleOne(selection, header.id, index));
      return;
    }
    if (event.shiftKey && selection.anchorIndex !== null) {
      const from = selection.anchorIndex;
      const start = index >= from ? Math.max(from, index - MAX_RANGE) : index;
      const end = index >= from ? index : Math.min(from, index + MAX_RANGE);
      let ids = store.idsInRange(start, end);
      if (!ids) {
        await store.loadRange(start, end);
        ids = store.idsInRange(start, end) ?? [];
      }
      onSelectionChange(selectRange(selection, ids, header.id, index));
      return;
    }
    onSelectionChange(selectOnly(header.id, index));
  };

  // One stable callback for every row, so a selection change re-renders only the rows whose
  // props changed (MessageRow is memoized) instead of every mounted row.
  const latestRowClick = useRef(handleRowClick);
  latestRowClick.current = handleRowClick;
  const onRowClick = useCallback((index: number, header: MessageHeader, event: MouseEvent) => {
    void latestRowClick.current(index, header, event);
  }, []);

  const moveTo = (index: number, extend: boolean) => {
    if (!store || total === null || total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const row = store.getRow(target);
    if (!row) {
      void store.loadRange(target, target);
      return;
    }
    if (extend && selection.anchorIndex !== null) {
      const ids = store.idsInRange(selection.anchorIndex, target);
      if (ids)
        onSelectionChange({ ...selectRange(selection, ids, row.id, target), anchorIndex: selection.anchorIndex });
      return;
    }
    onSelectionChange(selectOnly(row.id, target));
  };

  // The listbox's own keys (WAI-ARIA): arrows, Home/End, Page Up/Down, with Shift to extend.
  // Everything else (j/k, e, #, g i ...) comes from the keymap, wherever the focus is.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const from = currentIndex >= 0 ? currentIndex : -1;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: Math.max(0, from - 1),
      PageDown: from + pageRows,
      PageUp: Math.max(0, from - pageRows),
      Home: 0,
      End: (total ?? 1) - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target, event.shiftKey);
    }
  };

  const activeRow = store && currentIndex >= 0 ? store.getRow(currentIndex) : undefined;
  const isEmpty = total === 0;

  return (
    <div className="message-list-frame">
      <div
        ref={scrollRef}
        className="message-list"
        role="listbox"
        aria-label={t('messageList.label')}
        aria-multiselectable="true"
        aria-busy={store !== null && total === null}
        aria-activedescendant={activeRow ? messageRowId(activeRow) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onDoubleClick={(event) => {
          if ((event.target as Element).closest('[role="option"]')) onOpen?.();
        }}
        onScroll={(event) => {
          knownScrollTop.current = event.currentTarget.scrollTop;
          recordAnchor();
        }}
      >
        {store && total === null ? (
          <div className="message-list-sizer" style={{ blockSize: `${ROW_HEIGHT * 12}px` }}>
            {Array.from({ length: 12 }, (_, index) => (
              <MessageRowSkeleton key={index} index={index} top={index * ROW_HEIGHT} />
            ))}
          </div>
        ) : (
          <div className="message-list-sizer" style={{ blockSize: `${virtualizer.getTotalSize()}px` }}>
            {store &&
              items.map((item) => {
                const header = store.getRow(item.index);
                return header ? (
                  <MessageRow
                    key={item.index}
                    header={header}
                    index={item.index}
                    total={total ?? 0}
                    top={item.start}
                    selected={selection.ids.has(header.id)}
                    checked={!!selection.kept && selection.ids.has(header.id)}
                    current={selection.currentId === header.id}
                    locale={locale}
                    now={now}
                    showRecipients={showRecipients}
                    account={accountLabels?.get(header.accountId) ?? null}
                    location={rowLocation?.(header)}
                    onRowClick={onRowClick}
                  />
                ) : (
                  <MessageRowSkeleton key={item.index} index={item.index} top={item.start} />
                );
              })}
          </div>
        )}
      </div>
      {(isEmpty || !store) && (
        <div className="list-placeholder">
          <Icon name={store ? 'inbox' : 'folder'} size={32} />
          <p className="list-placeholder-title">
            {store ? (emptyText?.title ?? t('messageList.empty')) : t('messageList.noFolder')}
          </p>
          {store && <p className="list-placeholder-hint">{emptyText?.hint ?? t('messageList.emptyHint')}</p>}
        </div>
      )}
      {loadError !== null && (
        <div className="list-error" role="alert">
          <Icon name="alert" />
          <span>{t('messageList.loadFailed', { reason: errorMessage(loadError, t) ?? t('common.unknownError') })}</span>
          <button type="button" className="button button-small" onClick={() => void store?.invalidate()}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
