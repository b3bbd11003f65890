// The reading pane (role=region "Message"): the open message's headers, its attachments and
// its body in the sandboxed frame. Headers show at once from the list's data; the body
// follows when it arrives, and the list never waits for it.
import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageHeader } from '../../shared/domain';
import { Icon } from '../ui/Icon';
import { BodyFramePool } from './BodyFramePool';
import { ConversationStack } from './ConversationStack';
import { OpenMessage } from './OpenMessage';
import type { ConversationThread } from './use-conversation-thread';
import './reading-pane.css';

interface ReadingPaneProps {
  header: MessageHeader | null;
  selectedCount: number;
  /** Given for a message in a Drafts folder: continues it in the composer. */
  onEditDraft?: () => void;
  /** The open row's conversation, stacked, when it has more than one message (conversation mode). */
  thread?: ConversationThread | null;
}

/** Memoized: a key press that changes neither the open message nor the count leaves it alone. */
export const ReadingPane = memo(function ReadingPane({
  header,
  selectedCount,
  onEditDraft,
  thread = null,
}: ReadingPaneProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  // Noted from scroll events, so opening a message unscrolled forces no layout to find out.
  const scrolled = useRef(false);
  const stacked = selectedCount <= 1 && header !== null && thread !== null;
  // in a conversation, the frame shows the expanded message (none while all are collapsed)
  const openId = selectedCount > 1 ? null : stacked ? (thread.open?.id ?? null) : (header?.id ?? null);
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
          {stacked ? (
            <ConversationStack thread={thread} part="before" />
          ) : (
            <OpenMessage key={header.id} header={header} />
          )}
        </>
      ) : (
        <div className="reader-placeholder">
          <Icon name="mailOpen" size={40} />
          <p className="reader-placeholder-title">{t('reader.nothingSelected')}</p>
          <p className="reader-placeholder-hint">{t('reader.nothingSelectedHint')}</p>
        </div>
      )}
      <BodyFramePool openId={openId} />
      {stacked && <ConversationStack thread={thread} part="after" />}
    </section>
  );
});
