// Runs `reread` after the engine's 'messages.changed' events that `concerns` picks, paced by a
// RereadPacer (see reread-pacer.ts): soon after a lone change, spaced out during a first sync, at
// once again for its last batch. Changes that arrive while a re-read waits join it.
import { useEffect, useMemo, useRef } from 'react';
import type { EventPayload } from '../../shared/contract';
import { RereadPacer } from './reread-pacer';
import { useTransportEvent } from './use-transport-event';

export function usePacedReread(
  concerns: (change: EventPayload<'messages.changed'>) => boolean,
  reread: () => void,
  pace: { quietMs: number; burstMs: number },
  /** A new value drops the re-read still waiting (it belonged to what was shown before). */
  resetKey?: unknown,
): void {
  const { quietMs, burstMs } = pace;
  const pacer = useMemo(() => new RereadPacer(quietMs, burstMs), [quietMs, burstMs]);
  const pending = useRef<{ timer: number; due: number } | null>(null);
  const latest = useRef(reread);
  useEffect(() => {
    latest.current = reread;
  });

  useTransportEvent('sync.progress', (progress) => pacer.progress(progress.done, progress.total));
  useTransportEvent('messages.changed', (change) => {
    if (!concerns(change)) return;
    const now = performance.now();
    const due = now + pacer.delay(change, now);
    // one re-read at a time: a later change joins the waiting one, an earlier due time replaces it
    if (pending.current && pending.current.due <= due) return;
    if (pending.current) window.clearTimeout(pending.current.timer);
    const timer = window.setTimeout(() => {
      pending.current = null;
      pacer.reading(performance.now());
      latest.current();
    }, due - now);
    pending.current = { timer, due };
  });

  useEffect(
    () => () => {
      if (pending.current) window.clearTimeout(pending.current.timer);
      pending.current = null;
    },
    [resetKey],
  );
}
