// "Not sent" after the undo window: the server refused a message when the composer was long
// closed, so the window says so where it is seen (and the status line says it too), with the
// server's words, a way to the outbox and Retry. An alert: it interrupts, as a lost message should.
import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../shared/compose';
import { IconButton } from '../ui/IconButton';

interface SendFailureNoticeProps {
  failed: OutboxItem | null;
  onShowOutbox: () => void;
  onRetry: (item: OutboxItem) => void;
  onDismiss: () => void;
}

export function SendFailureNotice({ failed, onShowOutbox, onRetry, onDismiss }: SendFailureNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="send-failure-notice" role="alert" hidden={failed === null}>
      {failed && (
        <>
          <span className="send-failure-text">
            {t('outbox.notSent', {
              subject: failed.subject.trim() || t('outbox.noSubject'),
              reason: failed.error ?? t('common.unknownError'),
            })}
          </span>
          <button type="button" className="button button-small" onClick={() => onRetry(failed)}>
            {t('common.retry')}
          </button>
          <button type="button" className="button button-small" onClick={onShowOutbox}>
            {t('outbox.show')}
          </button>
          <IconButton icon="close" label={t('common.dismiss')} onClick={onDismiss} />
        </>
      )}
    </div>
  );
}
