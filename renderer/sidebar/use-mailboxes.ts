// Every account's folders from `mailboxes.list`, re-read when the core reports a change.
// Message changes re-read them too (unread counts), coalesced so a sync burst costs one read,
// and during a first sync at most one a second (app/reread-pacer.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Mailbox } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { takeFirstMailboxes } from '../app/first-screen';
import { usePacedReread } from '../app/use-paced-reread';
import { useTransportEvent } from '../app/use-transport-event';

const COALESCE_MS = 250;
const PACE = { quietMs: COALESCE_MS, burstMs: 1_000 };
const allChanges = () => true;

export function useMailboxes(accountsVersion: unknown): Mailbox[] | null {
  const transport = useTransport();
  // what main.tsx read before the first render, if it did (app/first-screen.ts)
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(takeFirstMailboxes);
  const timer = useRef<number | null>(null);

  const reload = useCallback(async () => {
    try {
      setMailboxes(await transport.invoke('mailboxes.list', {}));
    } catch {
      // Keep what is shown; the status area reports the connection problem.
    }
  }, [transport]);

  const scheduleReload = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void reload();
    }, COALESCE_MS);
  }, [reload]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reload sets state only when the engine answers, not in the effect
    void reload();
  }, [reload, accountsVersion]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  useTransportEvent('mailboxes.changed', scheduleReload);
  const rereadNow = useCallback(() => void reload(), [reload]);
  usePacedReread(allChanges, rereadNow, PACE);
  return mailboxes;
}
