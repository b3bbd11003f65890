// One message in the reading pane: its headers, its attachments and its body (the frame itself
// is BodyFramePool's), with its own remote-content bar. The pane shows one; a conversation
// shows one for its expanded message.
import { useTranslation } from 'react-i18next';
import type { MessageHeader } from '../../shared/domain';
import { errorMessage } from '../app/error-message';
import { SenderNotes } from '../sender/SenderNotes';
import { Icon } from '../ui/Icon';
import { AttachmentList } from './AttachmentList';
import { BodySkeleton } from './BodySkeleton';
import { MessageBodyFrame } from './MessageBodyFrame';
import { MessageHeaderBlock } from './MessageHeaderBlock';
import { NoReadableBody } from './NoReadableBody';
import { hasReadableBody } from './readable-body';
import { useMessageBody } from './use-message-body';

export function OpenMessage({ header }: { header: MessageHeader }) {
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
