// Sending with undo: the draft goes into the engine's outbox with a delay; until the delay ends
// the toast offers to take it back, which reopens the composer with the draft as it was sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transport } from '../../shared/contract';
import { errorMessage } from '../app/error-message';
import type { ComposeDraft } from './compose-draft';
import { sendDraft } from './send-draft';
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
    async (draft: ComposeDraft) => {
      const { outboxId, sendAt } = await sendDraft(transport, draft);
      waiting.current = { outboxId, draft };
      const key = Date.now();
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
