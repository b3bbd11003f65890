// Drafts are never lost: while the composer is open its draft is saved in the engine a moment
// after each change (locally; cheap), to the Drafts mailbox when the composer is closed, and
// discarded everywhere when the user discards it. Saves run one after another: the first save
// returns the draft's id, and every later one must carry it, or the engine would make a second draft.
import { useCallback, useRef } from 'react';
import type { ComposeAttachment } from '../../shared/compose';
import type { Transport } from '../../shared/contract';
import type { ComposeDraft } from './compose-draft';
import { toContractDraft } from './send-draft';

export interface SavedAttachments {
  /** The list as it was sent to the engine... */
  sent: readonly ComposeAttachment[];
  /** ...and as the engine holds it now: the same entries, as 'stored' references. */
  stored: readonly ComposeAttachment[];
}

/** `initialId`: the engine's id of a draft reopened from Drafts, so saving and sending replace it. */
export function useDraftAutosave(transport: Transport, initialId: string | null = null) {
  const draftId = useRef<string | null>(initialId);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(task, task);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const save = useCallback(
    (draft: ComposeDraft, toServer: boolean) =>
      enqueue(async (): Promise<SavedAttachments | null> => {
        if (!draft.accountId) return null;
        const saved = await transport.invoke('drafts.save', {
          draft: { ...toContractDraft(draft), draftId: draftId.current ?? draft.draftId ?? null },
          sync: toServer,
        });
        draftId.current = saved.draftId;
        return { sent: draft.attachments, stored: saved.attachments };
      }),
    [enqueue, transport],
  );

  const discard = useCallback(
    () =>
      enqueue(async () => {
        if (draftId.current) await transport.invoke('drafts.discard', { draftId: draftId.current });
        draftId.current = null;
      }),
    [enqueue, transport],
  );

  /** The id to send with, once pending saves are done, so the sent message replaces its draft. */
  const settledId = useCallback(() => enqueue(async () => draftId.current), [enqueue]);

  return { save, discard, settledId };
}
