// The composer's footer: Send (with why it is unavailable, or why it failed), Send later (its
// panel of times opens above the footer) and Discard.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isMethodName } from '../../shared/contract';
import { Icon } from '../ui/Icon';
import { SendLaterPanel } from './SendLaterPanel';
import type { ComposerSend } from './use-composer-send';

export function ComposerFooter({ sending, onDiscard }: { sending: ComposerSend; onDiscard: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const panelId = useId();
  const [later, setLater] = useState(false);
  const { canSend, sendError } = sending;
  // An engine that predates send later would send such a message at once.
  const canSchedule = canSend && isMethodName('outbox.list');
  return (
    <>
      {later && (
        <div id={panelId}>
          <SendLaterPanel
            now={Date.now}
            onClose={() => setLater(false)}
            onSchedule={(sendAt) => {
              setLater(false);
              void sending.send({ sendAt });
            }}
          />
        </div>
      )}
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
        {canSchedule && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={later}
            aria-controls={later ? panelId : undefined}
            onClick={() => setLater((shown) => !shown)}
          >
            <span>{t('sendLater.button')}</span>
          </button>
        )}
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
    </>
  );
}
