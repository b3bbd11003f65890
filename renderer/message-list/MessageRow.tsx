// One row of the message list: sender and date, subject with star and attachment markers,
// and the snippet. Fixed height, so streaming mail never shifts the rows around it.
import { memo, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import type { MessageHeader } from '../../shared/domain';
import { formatListDate } from '../format/format-date';
import { sendersLabel } from '../format/format-address';
import { Icon } from '../ui/Icon';
import type { AccountLabel } from './account-labels';
import { AccountChip } from './AccountChip';
import { conversationOf } from './conversation-row';
import { TagChipList } from '../tags/TagChips';
import { shownTags } from '../tags/tag-labels';

export const ROW_HEIGHT = 76;
/** The compact density's row (appearance.css): no snippet line. */
export const COMPACT_ROW_HEIGHT = 52;

export function rowHeightFor(density: 'comfortable' | 'compact'): number {
  return density === 'compact' ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
}

export function messageRowId(header: Pick<MessageHeader, 'id'>): string {
  return `message-${header.id}`;
}

interface MessageRowProps {
  header: MessageHeader;
  index: number;
  total: number;
  top: number;
  selected: boolean;
  /** Part of a selection built on purpose (x, Shift+j/k): shows a check mark. */
  checked?: boolean;
  current: boolean;
  locale: string;
  now: number;
  /** Show recipients instead of senders (Sent, Drafts). */
  showRecipients: boolean;
  /** In a list that mixes accounts (a unified view): whose message this is. */
  account?: AccountLabel | null;
  /** Where the message lives, for lists that span folders (search results). */
  location?: string;
  onRowClick: (index: number, header: MessageHeader, event: MouseEvent) => void;
  /**
   * The list's translate function. A row takes it rather than calling useTranslation: rows mount
   * by the dozen a second while the list scrolls, and react-i18next copies the i18n instance's
   * properties on every mount, which was the largest part of a row's render.
   */
  t: TFunction;
}

export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { header, t } = props;
  // a conversation row: its senders, and unread or starred when any of its messages here is
  const conversation = conversationOf(header);
  const addresses = conversation && !props.showRecipients ? conversation.participants : null;
  const people =
    sendersLabel(addresses ?? (props.showRecipients ? header.to : header.from)) || t('messageList.noSender');
  const subject = header.subject.trim() || t('messageList.noSubject');
  const date = formatListDate(header.date, props.now, props.locale);
  const unread = conversation ? conversation.unread > 0 : !header.flags.seen;
  const starred = conversation ? conversation.flagged : header.flags.flagged;
  const count = conversation && conversation.total > 1 ? conversation.total : null;
  const messageLabel = t(unread ? 'messageList.rowUnread' : 'messageList.row', { sender: people, subject, date });
  const rowLabel = count ? t('conversations.row', { row: messageLabel, count }) : messageLabel;
  const tags = shownTags(header.keywords, t, header.gmailLabels);
  const taggedLabel = tags.length
    ? t('tags.rowTagged', { row: rowLabel, tags: tags.map((tag) => tag.name).join(', ') })
    : rowLabel;
  const accountLabel = props.account
    ? t('messageList.rowInAccount', { row: taggedLabel, account: props.account.name })
    : taggedLabel;
  const label = header.foundOnServer ? t('serverSearch.rowFound', { row: accountLabel }) : accountLabel;
  const className = [
    'message-row',
    unread ? 'is-unread' : '',
    props.selected ? 'is-selected' : '',
    props.current ? 'is-current' : '',
    props.checked ? 'is-checked' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      id={messageRowId(header)}
      className={className}
      role="option"
      aria-selected={props.selected}
      aria-label={label}
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
      style={{ transform: `translateY(${props.top}px)` }}
      // onto a folder in the sidebar (renderer/folders/use-message-drag.ts)
      draggable
      onClick={(event) => props.onRowClick(props.index, header, event)}
    >
      <span className="row-marker" aria-hidden="true">
        {props.checked ? (
          <span className="row-check">
            <Icon name="check" size={12} />
          </span>
        ) : (
          unread && <span className="row-unread-dot" />
        )}
      </span>
      <div className="row-body">
        <div className="row-line">
          <span className="row-sender">{people}</span>
          {count && (
            <span className="row-count" title={t('conversations.count', { count })}>
              {count}
            </span>
          )}
          {props.account && <AccountChip label={props.account} />}
          {props.location && <span className="row-location">{props.location}</span>}
          {header.foundOnServer && <span className="row-server">{t('serverSearch.badge')}</span>}
          <span className="row-date">{date}</span>
        </div>
        <div className="row-line">
          <span className="row-subject">{subject}</span>
          <TagChipList tags={tags} />
          <span className="row-flags">
            {header.hasAttachments && (
              <span className="row-flag row-attachment" title={t('messageList.attachment')}>
                <Icon name="paperclip" size={13} />
              </span>
            )}
            {starred && (
              <span className="row-flag row-star" title={t('messageList.starred')}>
                <Icon name="star" size={13} filled />
              </span>
            )}
          </span>
        </div>
        <div className="row-snippet">{header.snippet ?? ''}</div>
      </div>
    </div>
  );
});

/** A placeholder for a row whose page is still on its way: same height, no content. */
export function MessageRowSkeleton({ top, index }: { top: number; index: number }) {
  const width = 40 + ((index * 37) % 45);
  return (
    <div className="message-row is-skeleton" aria-hidden="true" style={{ transform: `translateY(${top}px)` }}>
      <span className="row-marker" />
      <div className="row-body">
        <div className="row-line">
          <span className="skeleton-line" style={{ inlineSize: `${width}%` }} />
        </div>
        <div className="row-line">
          <span className="skeleton-line" style={{ inlineSize: `${width + 10}%` }} />
        </div>
        <div className="row-line">
          <span className="skeleton-line is-faint" style={{ inlineSize: '85%' }} />
        </div>
      </div>
    </div>
  );
}
