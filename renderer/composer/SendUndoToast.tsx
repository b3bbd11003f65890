// "Sending… Undo" while a sent message waits out its undo delay in the outbox. Undo takes it
// back from the engine (outbox.cancel) and reopens the composer with what was written.
// The text is a polite live region: announced without moving focus.
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/app-services';
import { formatFullDate } from '../format/format-date';
import { IconButton } from '../ui/IconButton';
import '../undo/undo-toast.css';

export interface PendingSend {
  key: number;
  state: 'waiting' | 'cancelling' | 'failed' | 'scheduled';
  reason?: string;
  /** For 'scheduled': when it goes. */
  sendAt?: number;
}

interface SendUndoToastProps {
  pending: PendingSend | null;
  onUndo: () => void;
  onDismiss: () => void;
}

export function SendUndoToast({ pending, onUndo, onDismiss }: SendUndoToastProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    pending?.state === 'scheduled'
      ? t('sendLater.scheduled', { time: formatFullDate(pending.sendAt ?? 0, locale) })
      : pending?.state === 'failed'
        ? t('composer.undoFailed', { reason: pending.reason ?? t('common.unknownError') })
        : pending?.state === 'cancelling'
          ? t('composer.cancelling')
          : t('composer.sending');
  return (
    <div className={pending ? 'undo-toast send-toast is-visible' : 'undo-toast send-toast'}>
      <span className="undo-toast-text" aria-live="polite" aria-atomic="true">
        {pending ? text : ''}
      </span>
      {pending?.state === 'waiting' && (
        <button type="button" className="undo-toast-button" onClick={onUndo}>
          {t('composer.undoSend')}
        </button>
      )}
      {pending && <IconButton icon="close" label={t('common.close')} onClick={onDismiss} />}
    </div>
  );
}
