// The outbox kept live for the window: read once with outbox.list (and again when contact with
// the engine comes back), then kept by 'outbox.changed'. `onFailed` hears of each message the
// server refused after its undo window, for the notice and the status line.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ComposeDraft as ContractDraft, OutboxItem } from '../../shared/compose';
import { isMethodName } from '../../shared/contract';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { applyOutboxChange, isListed, newlyFailed } from './outbox-items';

export interface Outbox {
  items: readonly OutboxItem[];
  /** Sends a failed or waiting message now (a scheduled one too: "Send now"). */
  retry: (id: number) => Promise<void>;
  /** Takes the message back; its draft is returned for the composer (Edit) or kept in drafts (Cancel). */
  takeBack: (id: number) => Promise<ContractDraft>;
}

export function useOutbox(epoch: number, onFailed: (item: OutboxItem) => void): Outbox {
  const transport = useTransport();
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  const current = useRef(items);
  useEffect(() => {
    current.current = items;
  }, [items]);

  useEffect(() => {
    if (!isMethodName('outbox.list')) return;
    let live = true;
    transport
      .invoke('outbox.list', {})
      .then((list) => live && setItems(list.filter(isListed)))
      .catch(() => undefined); // the events still fill it
    return () => void (live = false);
  }, [transport, epoch]);

  useTransportEvent('outbox.changed', ({ item }) => {
    const before = current.current;
    const next = applyOutboxChange(before, item);
    current.current = next;
    setItems(next);
    if (newlyFailed(before, item)) onFailed(item);
  });

  const retry = useCallback(
    async (id: number) => void (await transport.invoke('outbox.retry', { outboxId: id })),
    [transport],
  );
  const takeBack = useCallback((id: number) => transport.invoke('outbox.cancel', { outboxId: id }), [transport]);
  return { items, retry, takeBack };
}
