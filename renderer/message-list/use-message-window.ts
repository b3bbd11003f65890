// One MessageWindowStore per list on screen (a mailbox, a unified view), refreshed when the
// core reports changes to any folder the list shows.
import { useMemo } from 'react';
import type { MailboxId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { type ListSource, windowFetcher } from './list-source';
import { MessageWindowStore } from './message-window-store';
import { type MakeStore, type MessageWindow, useLiveWindow } from './use-live-window';

export type { MessageWindow };

const COALESCE_MS = 60;

/**
 * `shows`: the folders whose messages the source lists (see list-source.ts); `conversations`:
 * one row per conversation (a new list, and a new store, when it changes).
 */
export function useMessageWindow(
  source: ListSource | null,
  shows: ReadonlySet<MailboxId>,
  conversations = false,
): MessageWindow {
  const transport = useTransport();
  // A new source object is a new list (App keeps the object while the same list is shown).
  const makeStore = useMemo<MakeStore | null>(
    () =>
      source === null
        ? null
        : (onError) => new MessageWindowStore(windowFetcher(transport, source, conversations), { onError }),
    [transport, source, conversations],
  );
  return useLiveWindow(makeStore, (change) => shows.has(change.mailboxId), COALESCE_MS);
}
