// The header of the message the reading pane shows: fresh from the list while the list has it
// loaded, else the last copy seen, so the pane does not go blank while the page that holds the
// message is read again (after a change, when a search ends).
import { useEffect, useMemo, useRef } from 'react';
import type { MessageHeader, MessageId } from '../../shared/domain';
import type { MessageWindowStore } from '../message-list/message-window-store';

export function useOpenHeader(
  store: MessageWindowStore | null,
  version: number,
  shownId: MessageId | null,
): MessageHeader | null {
  const lastOpen = useRef<MessageHeader | null>(null);
  const openHeader = useMemo(() => {
    void version; // re-read on every list change
    if (shownId === null) return null;
    const fresh = store?.getById(shownId);
    if (fresh) return fresh;
    // A ref, not state: remembering the copy must not render the window again on every j.
    // eslint-disable-next-line react-hooks/refs -- only a fallback; it is written after each commit
    return lastOpen.current?.id === shownId ? lastOpen.current : null;
  }, [store, version, shownId]);
  useEffect(() => {
    lastOpen.current = openHeader;
  }, [openHeader]);
  return openHeader;
}
