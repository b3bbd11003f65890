// Send hands the draft to the outbox (`onSend`) once its pending saves are done, so the sent
// message replaces its draft. When that fails the composer stays open with the reason shown,
// so nothing typed is lost; a second press while one send is on its way does nothing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMethodName } from '../../shared/contract';
import { errorMessage } from '../app/error-message';
import type { ComposeDraft } from './compose-draft';
import type { SendWhen } from './send-draft';
import type { ComposerDraft } from './use-composer-draft';

export interface ComposerSend {
  /** False when this engine has no outbox (or no one to hand the draft to). */
  canSend: boolean;
  sending: boolean;
  sendError: string | null;
  /** Sends now (after the undo delay), or at `when.sendAt` (send later). */
  send: (when?: SendWhen) => Promise<void>;
}

export function useComposerSend(
  writing: Pick<ComposerDraft, 'latest' | 'settledId'>,
  onSend: ((draft: ComposeDraft, when?: SendWhen) => Promise<void>) | undefined,
  onSent: () => void,
): ComposerSend {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const canSend = isMethodName('outbox.send') && onSend !== undefined;

  const send = async (when?: SendWhen) => {
    if (!canSend || !onSend || sending) return;
    setSending(true);
    setSendError(null);
    try {
      const draftId = await writing.settledId();
      await onSend({ ...writing.latest(), draftId }, when);
      onSent();
    } catch (error) {
      setSendError(errorMessage(error, t) ?? t('common.unknownError'));
    } finally {
      setSending(false);
    }
  };

  return { canSend, sending, sendError, send };
}
