// The reading window of an .eml file: its headers, its attachments' names and its body, shown
// through the same sanitizer and in the same kind of sandboxed frame as any message, with Reply,
// Reply all and Forward. Nothing of the file is stored.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmlMessage } from '../../shared/contract-desktop';
import { useLocale } from '../app/app-services';
import { addressListText } from '../format/format-address';
import { formatFullDate } from '../format/format-date';
import { BODY_FRAME_SANDBOX } from '../message-view/message-html';
import { Dialog } from '../ui/Dialog';
import type { EmlWindowState } from './use-eml-window';
import { renderEmlBody } from './eml-view';
import './eml.css';

interface EmlReaderProps {
  state: Exclude<EmlWindowState, { kind: 'closed' }>;
  onRespond: (message: EmlMessage, mode: 'reply' | 'replyAll' | 'forward') => void;
  onClose: () => void;
}

export function EmlReader({ state, onRespond, onClose }: EmlReaderProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const message = state.kind === 'open' ? state.message : null;
  const srcdoc = useMemo(() => (message ? renderEmlBody(message).srcdoc : ''), [message]);
  const label = message ? message.subject || message.fileName : state.kind === 'failed' ? state.fileName : '';

  return (
    <Dialog label={label} onClose={onClose} className="eml-reader">
      {state.kind === 'failed' && (
        <>
          <p role="alert">{t('desktop.eml.failed', { name: state.fileName })}</p>
          <p className="form-hint">{state.reason}</p>
        </>
      )}
      {message && (
        <>
          <h2 className="eml-subject">{message.subject || t('desktop.notify.noSubject')}</h2>
          <dl className="eml-headers">
            <dt>{t('desktop.eml.from')}</dt>
            <dd>{addressListText(message.from)}</dd>
            {message.to.length > 0 && (
              <>
                <dt>{t('desktop.eml.to')}</dt>
                <dd>{addressListText(message.to)}</dd>
              </>
            )}
            {message.cc.length > 0 && (
              <>
                <dt>{t('desktop.eml.cc')}</dt>
                <dd>{addressListText(message.cc)}</dd>
              </>
            )}
            {message.date !== null && (
              <>
                <dt>{t('desktop.eml.date')}</dt>
                <dd>{formatFullDate(message.date, locale)}</dd>
              </>
            )}
          </dl>
          {message.attachments.some((part) => !part.inline) && (
            <ul className="eml-attachments" aria-label={t('desktop.eml.attachments')}>
              {message.attachments
                .filter((part) => !part.inline)
                .map((part, index) => (
                  <li key={index}>{part.filename}</li>
                ))}
            </ul>
          )}
          <iframe
            className="eml-frame"
            title={t('reader.bodyTitle')}
            sandbox={BODY_FRAME_SANDBOX}
            srcDoc={srcdoc}
            // Escape pressed after a click into the body closes the window too, as everywhere else
            onLoad={(event) =>
              event.currentTarget.contentDocument?.addEventListener('keydown', (key) => {
                if (key.key === 'Escape') onClose();
              })
            }
          />
        </>
      )}
      <div className="eml-actions">
        {message && (
          <>
            {/* the first thing the keyboard reaches, rather than the body frame above it */}
            <button type="button" className="button" autoFocus onClick={() => onRespond(message, 'reply')}>
              {t('desktop.eml.reply')}
            </button>
            <button type="button" className="button" onClick={() => onRespond(message, 'replyAll')}>
              {t('desktop.eml.replyAll')}
            </button>
            <button type="button" className="button" onClick={() => onRespond(message, 'forward')}>
              {t('desktop.eml.forward')}
            </button>
          </>
        )}
        <button type="button" className="button button-quiet" autoFocus={!message} onClick={onClose}>
          {t('desktop.eml.close')}
        </button>
      </div>
    </Dialog>
  );
}
