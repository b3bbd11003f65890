// Reading never waits. The bodies of the open message's neighbours are read ahead into the
// body cache and made ready to show (sanitized, inline images fetched: message-view/
// prepare-body.ts), so j/k to them finds everything there. While j is held down the list moves at
// key-repeat speed but the reading pane waits until the selection comes to rest: only the
// message the user stops at is opened (and marked read), instead of a queue of body loads.
import { useEffect, useState } from 'react';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { loadMessageBody } from '../message-view/body-cache';
import { prepareBody } from '../message-view/prepare-body';

/** How long the selection must rest after a held key before the pane follows it. */
export const HOLD_SETTLE_MS = 150;
/** Neighbours are asked for just after the open message, so its own body goes first. */
const PREFETCH_DELAY_MS = 60;
/** Which neighbours to read ahead: the next two and the previous one. */
const PREFETCH_OFFSETS = [1, -1, 2];

/** `value`, or while `delayMs` > 0 the last value that stayed unchanged for that long. */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- kept current, so a hold starts from the value shown, not an old one
      setSettled(value);
      return;
    }
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return delayMs <= 0 ? value : settled;
}

export function useReadingFlow(store: MessageWindowStore | null, version: number, currentId: MessageId | null) {
  const transport = useTransport();
  const [holding, setHolding] = useState(false);

  // Listening all the time: a key can come up before React has rendered the first repeat.
  useEffect(() => {
    const release = () => setHolding(false);
    window.addEventListener('keyup', release);
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keyup', release);
      window.removeEventListener('blur', release);
    };
  }, []);

  const shownId = useSettledValue(currentId, holding ? HOLD_SETTLE_MS : 0);

  useEffect(() => {
    if (shownId === null || !store || holding) return;
    const timer = window.setTimeout(() => {
      const index = store.indexOf(shownId);
      if (index < 0) return;
      for (const offset of PREFETCH_OFFSETS) {
        const row = store.getRow(index + offset);
        if (row)
          loadMessageBody(transport, row.id)
            .then((body) => prepareBody(transport, row, body))
            .catch(() => undefined);
      }
    }, PREFETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [shownId, store, version, holding, transport]);

  return {
    /** The message the reading pane shows. */
    shownId,
    /** Call for every auto-repeated navigation key. */
    noteRepeat: () => setHolding(true),
  };
}
