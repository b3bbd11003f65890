// A conversation in the reading pane, its messages stacked oldest first: each one line (sender,
// date, the start of its text) but the expanded one, which shows as a message of its own, with
// its own remote-content bar and attachments (OpenMessage). The pane's single body frame
// (BodyFramePool) sits between the two parts of the stack: `part="before"` is everything up to
// and including the expanded message, `part="after"` the rest.
import { useTranslation } from 'react-i18next';
import type { MessageHeader } from '../../shared/domain';
import { errorMessage } from '../app/error-message';
import { useNow } from '../app/use-now';
import { formatListDate } from '../format/format-date';
import { sendersLabel } from '../format/format-address';
import { BodySkeleton } from './BodySkeleton';
import { OpenMessage } from './OpenMessage';
import type { ConversationThread } from './use-conversation-thread';

interface StackProps {
  thread: ConversationThread;
  part: 'before' | 'after';
}

export function ConversationStack({ thread, part }: StackProps) {
  const { t } = useTranslation();
  const { messages } = thread;
  if (!messages) {
    if (part === 'after') return null;
    return thread.error ? (
      <div className="body-error" role="alert">
        <p>{t('conversations.loadFailed', { reason: errorMessage(thread.error, t) ?? t('common.unknownError') })}</p>
        <button type="button" className="button" onClick={thread.retry}>
          {t('common.retry')}
        </button>
      </div>
    ) : (
      <div aria-label={t('conversations.loading')}>
        <BodySkeleton />
      </div>
    );
  }
  const focused = Math.max(
    0,
    messages.findIndex((m) => m.id === thread.focusedId),
  );
  const shown = part === 'before' ? messages.slice(0, focused + 1) : messages.slice(focused + 1);
  return (
    <ol
      className={`conversation-stack is-${part}`}
      aria-label={part === 'before' ? t('conversations.label', { count: messages.length }) : undefined}
    >
      {shown.map((message) =>
        message.id === thread.focusedId && thread.expanded ? (
          <li key={message.id} className="conversation-item is-expanded" aria-current="true">
            <CollapsedLine message={message} expanded onToggle={() => thread.toggle(message.id)} />
            <OpenMessage header={message} />
          </li>
        ) : (
          <li
            key={message.id}
            className="conversation-item"
            aria-current={message.id === thread.focusedId ? 'true' : undefined}
          >
            <CollapsedLine message={message} expanded={false} onToggle={() => thread.toggle(message.id)} />
          </li>
        ),
      )}
    </ol>
  );
}

function CollapsedLine({
  message,
  expanded,
  onToggle,
}: {
  message: MessageHeader;
  expanded: boolean;
  onToggle: () => void;
}) {
  // named by what it shows (sender, the start of the text, date): speech input says what it sees
  const { t, i18n } = useTranslation();
  const sender = sendersLabel(message.from) || t('messageList.noSender');
  const now = useNow();
  const date = formatListDate(message.date, now, i18n.language);
  return (
    <button
      type="button"
      className={`conversation-line${message.flags.seen ? '' : ' is-unread'}`}
      aria-expanded={expanded}
      onClick={onToggle}
    >
      <span className="conversation-sender">{sender}</span>
      <span className="conversation-snippet">{expanded ? '' : (message.snippet ?? '')}</span>
      <span className="conversation-date">{date}</span>
    </button>
  );
}
