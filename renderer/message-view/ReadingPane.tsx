// The reading pane (role=region "Message"): the open message's headers, its attachments and
// its body in the sandboxed frame. Headers show at once from the list's data; the body
// follows when it arrives, and the list never waits for it.
import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageHeader } from '../../shared/domain';
import { errorMessage } from '../app/error-message';
import { Icon } from '../ui/Icon';
import { AttachmentList } from './AttachmentList';
import { BodyFramePool } from './BodyFramePool';
import { BodySkeleton } from './BodySkeleton';
import { MessageBodyFrame } from './MessageBodyFrame';
import { MessageHeaderBlock } from './MessageHeaderBlock';
import { NoReadableBody } from './NoReadableBody';
import { SenderNotes } from '../sender/SenderNotes';
import { hasReadableBody } from './readable-body';
import { useMessageBody } from './use-message-body';
import './reading-pane.css';

interface ReadingPaneProps {
  header: MessageHeader | null;
  selectedCount: number;
  /** Given for a message in a Drafts folder: continues it in the composer. */
  onEditDraft?: () => void;
}

/** Memoized: a key press that changes neither the open message nor the count leaves it alone. */
export const ReadingPane = memo(function ReadingPane({ header, selectedCount, onEditDraft }: ReadingPaneProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  // Noted from scroll events, so opening a message unscrolled forces no layout to find out.
  const scrolled = useRef(false);
  const openId = selectedCount > 1 ? null : (header?.id ?? null);
  // The pane scrolls the message (its frame is as tall as its content): each one opens at its top.
  useLayoutEffect(() => {
    if (!scrolled.current || !scroller.current) return;
    scroller.current.scrollTop = 0;
    scrolled.current = false;
  }, [openId]);
  return (
    <section
      ref={scroller}
      className="reading-pane"
      role="region"
      aria-label={t('reader.label')}
      onScroll={(event) => (scrolled.current = event.currentTarget.scrollTop > 0)}
    >
      {selectedCount > 1 ? (
        <div className="reader-placeholder">
          <Icon name="mail" size={40} />
          <p className="reader-placeholder-title">{t('reader.selectedCount', { count: selectedCount })}</p>
        </div>
      ) : header ? (
        <>
          {onEditDraft && (
            <div className="draft-bar">
              <span>{t('reader.draftNotice')}</span>
              <button type="button" className="button" onClick={onEditDraft}>
                {t('reader.editDraft')}
              </button>
            </div>
          )}
          <OpenMessage key={header.id} header={header} />
        </>
      ) : (
        <div className="reader-placeholder">
          <Icon name="mailOpen" size={40} />
          <p className="reader-placeholder-title">{t('reader.nothingSelected')}</p>
          <p className="reader-placeholder-hint">{t('reader.nothingSelectedHint')}</p>
        </div>
      )}
      <BodyFramePool openId={openId} />
    </section>
  );
});

function OpenMessage({ header }: { header: MessageHeader }) {
  const { t } = useTranslation();
  const { state, retry } = useMessageBody(header.id);
  const body = state.status === 'ready' ? state.body : null;

  return (
    <article className="open-message">
      <MessageHeaderBlock header={header} body={body} />
      <SenderNotes header={header} />
      {body && <AttachmentList messageId={header.id} attachments={body.attachments} />}
      <div className="message-body">
        {state.status === 'loading' && <BodySkeleton />}
        {state.status === 'failed' && (
          <div className="body-error" role="alert">
            <Icon name="alert" size={20} />
            <p>{t('reader.loadFailed', { reason: errorMessage(state.error, t) ?? t('common.unknownError') })}</p>
            <button type="button" className="button" onClick={retry}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {body &&
          (hasReadableBody(body) ? (
            <MessageBodyFrame header={header} body={body} />
          ) : (
            <NoReadableBody header={header} body={body} />
          ))}
      </div>
    </article>
  );
}
