// One MessageWindowStore per list on screen (a mailbox, a unified view), refreshed when the
// core reports changes to any folder the list shows.
import { useMemo } from 'react';
import type { MailboxId, MessageId } from '../../shared/domain';
import { activeFilters, DEFAULT_SORT, type ListFilter, type ListSort } from '../../shared/list-order';
import { useTransport } from '../app/app-services';
import { takeFirstWindow } from '../app/first-screen';
import { type ListSource, windowFetcher } from './list-source';
import { MessageWindowStore } from './message-window-store';
import { type MakeStore, type MessageWindow, useLiveWindow } from './use-live-window';

export type { MessageWindow };

const COALESCE_MS = 60;
const NO_FILTER: ListFilter = {};
const nothingRead = () => null;

/**
 * `shows`: the folders whose messages the source lists (see list-source.ts); `sort` and `filter`:
 * the list's order, each the same object until it changes (use-list-order.ts); `conversations`:
 * one row per conversation, newest first whatever the order (a new list, and a new store, when it
 * changes).
 */
export function useMessageWindow(
  source: ListSource | null,
  shows: ReadonlySet<MailboxId>,
  sort: ListSort = DEFAULT_SORT,
  filter: ListFilter = NO_FILTER,
  reading: () => MessageId | null = nothingRead,
  conversations = false,
): MessageWindow {
  const transport = useTransport();
  // A new source object is a new list (App keeps the object while the same list is shown), and
  // so is a new order.
  const makeStore = useMemo<MakeStore | null>(
    () =>
      source === null
        ? null
        : (onError) => {
            const filtered = activeFilters(filter).length > 0;
            const firstPage = takeFirstWindow(source, sort, filtered, conversations) ?? undefined;
            return new MessageWindowStore(windowFetcher(transport, source, { sort, filter }, reading, conversations), {
              onError,
              firstPage,
            });
          },
    [transport, source, sort, filter, reading, conversations],
  );
  return useLiveWindow(makeStore, (change) => shows.has(change.mailboxId), COALESCE_MS);
}
