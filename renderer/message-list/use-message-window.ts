// One MessageWindowStore per open mailbox, refreshed when the core reports changes to it.
// Bursts of 'messages.changed' during a sync are coalesced into one re-read of the visible rows.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MailboxId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { MessageWindowStore } from './message-window-store';

const COALESCE_MS = 60;
const noSubscription = () => () => {};
const zero = () => 0;

export interface MessageWindow {
  store: MessageWindowStore | null;
  /** Changes whenever a row changes; components re-render on it. */
  version: number;
  loadError: unknown;
}

export function useMessageWindow(mailboxId: MailboxId | null): MessageWindow {
  const transport = useTransport();
  const [loadError, setLoadError] = useState<unknown>(null);
  const timer = useRef<number | null>(null);

  const store = useMemo(
    () =>
      mailboxId === null
        ? null
        : new MessageWindowStore((offset, limit) => transport.invoke('messages.window', { mailboxId, offset, limit }), {
            onError: setLoadError,
          }),
    [transport, mailboxId],
  );

  // A store no longer shown is simply dropped: its late answers update nothing on screen.
  useEffect(() => setLoadError(null), [store]);

  const version = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getVersion ?? zero);

  useEffect(() => {
    if (version > 0) setLoadError(null);
  }, [version]);

  useTransportEvent('messages.changed', (change) => {
    if (!store || change.mailboxId !== mailboxId || timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void store.invalidate();
    }, COALESCE_MS);
  });

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    },
    [store],
  );

  return { store, version, loadError };
}
