// Sending with undo: the draft goes into the engine's outbox with a delay; until the delay ends
// the toast offers to take it back, which reopens the composer with the draft as it was sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transport } from '../../shared/contract';
import { errorMessage } from '../app/error-message';
import type { ComposeDraft } from './compose-draft';
import { sendDraft, type SendWhen } from './send-draft';

/** How long "Scheduled for …" stays on screen. */
const SCHEDULED_NOTE_MS = 6_000;
import type { PendingSend } from './SendUndoToast';

interface Waiting {
  outboxId: number;
  draft: ComposeDraft;
}

export function useSendUndo(transport: Transport, reopen: (draft: ComposeDraft) => void) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<PendingSend | null>(null);
  const waiting = useRef<Waiting | null>(null);

  const send = useCallback(
    async (draft: ComposeDraft, when?: SendWhen) => {
      const { outboxId, sendAt } = await sendDraft(transport, draft, when);
      const key = Date.now();
      if (when?.sendAt !== undefined) {
        // Scheduled: said once, then the outbox shows it (and can cancel or edit it).
        waiting.current = null;
        setPending({ key, state: 'scheduled', sendAt });
        setTimeout(() => setPending((current) => (current?.key === key ? null : current)), SCHEDULED_NOTE_MS);
        return;
      }
      waiting.current = { outboxId, draft };
      // No undo delay (the user's setting): it is already on its way, nothing to offer.
      if (sendAt <= Date.now()) return;
      setPending({ key, state: 'waiting' });
      // The toast goes when the delay is over: from then on the message is on its way.
      setTimeout(
        () => setPending((current) => (current?.key === key && current.state === 'waiting' ? null : current)),
        Math.max(0, sendAt - Date.now()),
      );
    },
    [transport],
  );

  const undo = useCallback(async () => {
    const current = waiting.current;
    if (!current) return;
    setPending((p) => (p ? { ...p, state: 'cancelling' } : p));
    try {
      await transport.invoke('outbox.cancel', { outboxId: current.outboxId });
      waiting.current = null;
      setPending(null);
      reopen(current.draft);
    } catch (error) {
      // Too late (already handed to the server), or the engine refused: say so, keep nothing open.
      setPending((p) => (p ? { ...p, state: 'failed', reason: errorMessage(error, t) ?? undefined } : p));
    }
  }, [reopen, t, transport]);

  const dismiss = useCallback(() => setPending(null), []);

  useEffect(() => () => void (waiting.current = null), []);

  return { pending, send, undo, dismiss };
}
