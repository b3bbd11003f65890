// The virtualized message list. Only the rows on screen exist in the DOM; their data comes
// in pages from the store as they scroll into view. Selection is by message id, and when
// mail arrives above the rows being read the scroll position moves with them (use-list-scroll.ts),
// so live updates neither change the selection nor move what the user is looking at.
import { useEffect, useLayoutEffect, useRef, type DragEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { AccountId, MessageHeader } from '../../shared/domain';
import { useLocale, useTransport } from '../app/app-services';
import { prepareEmlDrag } from './eml-drag';
import { useNow } from '../app/use-now';
import type { AccountLabel } from './account-labels';
import { ListLoadError } from './ListLoadError';
import { ListPlaceholder } from './ListPlaceholder';
import type { MessageWindowStore } from './message-window-store';
import { useAppearance } from '../appearance/appearance-store';
import { MessageRow, MessageRowSkeleton, messageRowId, rowHeightFor } from './MessageRow';
import type { Selection } from './selection';
import { useCurrentInView } from './use-current-in-view';
import { useListKeys } from './use-list-keys';
import { isContextMenuKey, menuPositionOf } from '../ui/context-menu-key';
import { useListScroll } from './use-list-scroll';
import { useRowClicks } from './use-row-clicks';
import './message-list.css';

const LOAD_DELAY_MS = 40;

/**
 * The list's size before it has been measured: the window's height, more than the list has. With
 * it the first render already holds the rows, so the window's first frame lays them out once;
 * measured only after mounting (the virtualizer's own start), the first render had none, the
 * measure forced a layout of the empty list and the rows came in a second render and layout.
 */
function initialRect() {
  return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
}
/** Skeleton rows shown while the list's size is not known yet. */
const SKELETON_ROWS = 12;

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
  /** A right-click on a row (or the list), the Menu key or Shift+F10: the messages' context menu. */
  onContextMenu?: (row: { header: MessageHeader; index: number } | null, position: { x: number; y: number }) => void;
  /** A row dragged (towards a folder): what it carries. */
  onDragRow?: (header: MessageHeader, event: DragEvent<HTMLDivElement>) => void;
  onDragEnd?: () => void;
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
  onContextMenu,
  onDragRow,
  onDragEnd,
}: MessageListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const now = useNow();
  const total = store?.total ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = rowHeightFor(useAppearance().density);

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not run the React Compiler; the virtualizer is read fresh on each render
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    initialRect: initialRect(),
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const { knownScrollTop, noteScroll } = useListScroll(scrollRef, store, version, rowHeight);
  // Another density: every row's size changed at once.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // Rows scrolled into view are read shortly after scrolling settles on them.
  useEffect(() => {
    if (!store || total === null) return;
    const timer = window.setTimeout(() => void store.setVisibleRange(firstIndex, lastIndex), LOAD_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [store, total, firstIndex, lastIndex]);

  const currentIndex = useCurrentInView(
    store,
    version,
    selection.currentId,
    virtualizer,
    scrollRef,
    knownScrollTop,
    rowHeight,
  );
  const onRowClick = useRowClicks(store, selection, onSelectionChange);
  const onKeyDown = useListKeys({
    store,
    total,
    currentIndex,
    selection,
    onSelectionChange,
    scrollRef,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });

  const activeRow = store && currentIndex >= 0 ? store.getRow(currentIndex) : undefined;

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
        onKeyDown={(event) => {
          if (!isContextMenuKey(event)) return onKeyDown(event);
          if (!onContextMenu) return;
          event.preventDefault();
          const element = activeRow ? document.getElementById(messageRowId(activeRow)) : null;
          const position = menuPositionOf(element ?? event.currentTarget);
          onContextMenu(activeRow ? { header: activeRow, index: currentIndex } : null, position);
        }}
        onContextMenu={(event) => {
          if (!onContextMenu || !store) return;
          event.preventDefault();
          const option = (event.target as Element).closest('[role="option"]');
          const header = option ? store.getById(Number(option.id.replace(/^message-/, ''))) : undefined;
          const row = header ? { header, index: store.indexOf(header.id) } : null;
          onContextMenu(row, { x: event.clientX, y: event.clientY });
        }}
        onPointerDown={(event) => {
          // a drag from this row may carry the message out as a file: its ticket is fetched now
          const option = (event.target as Element).closest?.('[role="option"]');
          if (option && event.button === 0) prepareEmlDrag(transport, Number(option.id.replace(/^message-/, '')));
        }}
        onDragStart={(event) => {
          const option = (event.target as Element).closest?.('[role="option"]');
          const header = option && store ? store.getById(Number(option.id.replace(/^message-/, ''))) : undefined;
          if (header && onDragRow) onDragRow(header, event);
          else event.preventDefault();
        }}
        onDragEnd={onDragEnd}
        onDoubleClick={(event) => {
          if ((event.target as Element).closest('[role="option"]')) onOpen?.();
        }}
        onScroll={(event) => noteScroll(event.currentTarget.scrollTop)}
      >
        {store && total === null ? (
          <div className="message-list-sizer" style={{ blockSize: `${rowHeight * SKELETON_ROWS}px` }}>
            {Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <MessageRowSkeleton key={index} index={index} top={index * rowHeight} />
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
                    t={t}
                  />
                ) : (
                  <MessageRowSkeleton key={item.index} index={item.index} top={item.start} />
                );
              })}
          </div>
        )}
      </div>
      {(total === 0 || !store) && <ListPlaceholder hasList={store !== null} emptyText={emptyText} />}
      {loadError !== null && <ListLoadError error={loadError} onRetry={() => void store?.invalidate()} />}
    </div>
  );
}
