// Hands what the composer holds to the engine's durable outbox. The engine parses the recipients
// (and names any invalid one), builds the MIME message once, stores it, and sends it after the
// undo delay; this only translates the composer's draft into the contract's.
import type { MethodInput, Transport } from '../../shared/contract';
import type { ComposeDraft } from './compose-draft';

/** Seconds during which a sent message can still be taken back. */
export const UNDO_SEND_SECONDS = 5;

type ContractDraft = MethodInput<'outbox.send'>['draft'];

export function toContractDraft(draft: ComposeDraft): ContractDraft {
  if (!draft.accountId) throw new Error('Choose the account to send from.');
  return { ...draft, draftId: draft.draftId ?? null, accountId: draft.accountId };
}

export async function sendDraft(
  transport: Transport,
  draft: ComposeDraft,
): Promise<{ outboxId: number; sendAt: number }> {
  return transport.invoke('outbox.send', { draft: toContractDraft(draft), undoSeconds: UNDO_SEND_SECONDS });
}
