// Hands what the composer holds to the engine's durable outbox. The engine parses the recipients
// (and names any invalid one), builds the MIME message once, stores it, and sends it after the
// undo delay (the user's setting) or at the time chosen with Send later; this only translates
// the composer's draft into the contract's.
import type { MethodInput, Transport } from '../../shared/contract';
import type { ComposeDraft } from './compose-draft';
import { readUndoSeconds } from './undo-delay';

/** Send later: the moment chosen; absent, the message goes after the undo delay. */
export interface SendWhen {
  sendAt?: number;
}

type ContractDraft = MethodInput<'outbox.send'>['draft'];

export function toContractDraft(draft: ComposeDraft): ContractDraft {
  if (!draft.accountId) throw new Error('Choose the account to send from.');
  return { ...draft, draftId: draft.draftId ?? null, accountId: draft.accountId };
}

export async function sendDraft(
  transport: Transport,
  draft: ComposeDraft,
  when: SendWhen = {},
  undoSeconds: number = readUndoSeconds(),
): Promise<{ outboxId: number; sendAt: number }> {
  const timing = when.sendAt !== undefined ? { sendAt: when.sendAt } : { undoSeconds };
  return transport.invoke('outbox.send', { draft: toContractDraft(draft), ...timing });
}
