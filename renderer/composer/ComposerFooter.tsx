// The composer's footer: Send (with why it is unavailable, or why it failed) and Discard.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import type { ComposerSend } from './use-composer-send';

export function ComposerFooter({ sending, onDiscard }: { sending: ComposerSend; onDiscard: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const { canSend, sendError } = sending;
  return (
    <div className="composer-footer">
      <button
        type="button"
        className="button button-primary"
        aria-disabled={!canSend || sending.sending}
        aria-describedby={canSend ? undefined : hintId}
        title={canSend ? undefined : t('composer.sendUnavailable')}
        onClick={() => void sending.send()}
      >
        <Icon name="sent" />
        <span>{t('composer.send')}</span>
      </button>
      {!canSend && (
        <span id={hintId} className="composer-hint">
          {t('composer.sendUnavailable')}
        </span>
      )}
      {sendError !== null && (
        <span className="composer-hint composer-error" role="alert">
          {t('composer.sendFailed', { reason: sendError })}
        </span>
      )}
      <button type="button" className="button button-quiet composer-discard" onClick={onDiscard}>
        <Icon name="trash" />
        <span>{t('composer.discard')}</span>
      </button>
    </div>
  );
}
