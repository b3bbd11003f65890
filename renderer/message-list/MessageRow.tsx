// One row of the message list: sender and date, subject with star and attachment markers,
// and the snippet. Fixed height, so streaming mail never shifts the rows around it.
import { memo, useMemo, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import type { MessageHeader } from '../../shared/domain';
import { formatListDate } from '../format/format-date';
import { sendersLabel } from '../format/format-address';
import { Icon } from '../ui/Icon';
import type { AccountLabel } from './account-labels';
import { AccountChip } from './AccountChip';
import { conversationOf } from './conversation-row';
import { TagChipList } from '../tags/TagChips';
import { type ShownTag, shownTags } from '../tags/tag-labels';

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

/** What a row says, worked out once per header: its texts hold no position and no count. */
interface RowText {
  people: string;
  subject: string;
  date: string;
  unread: boolean;
  starred: boolean;
  count: number | null;
  tags: ShownTag[];
  /** The accessible name. */
  label: string;
}

function rowText(
  header: MessageHeader,
  t: TFunction,
  now: number,
  locale: string,
  showRecipients: boolean,
  account: AccountLabel | null | undefined,
): RowText {
  // a conversation row: its senders, and unread or starred when any of its messages here is
  const conversation = conversationOf(header);
  const addresses = conversation && !showRecipients ? conversation.participants : null;
  const people = sendersLabel(addresses ?? (showRecipients ? header.to : header.from)) || t('messageList.noSender');
  const subject = header.subject.trim() || t('messageList.noSubject');
  const date = formatListDate(header.date, now, locale);
  const unread = conversation ? conversation.unread > 0 : !header.flags.seen;
  const starred = conversation ? conversation.flagged : header.flags.flagged;
  const count = conversation && conversation.total > 1 ? conversation.total : null;
  const messageLabel = t(unread ? 'messageList.rowUnread' : 'messageList.row', { sender: people, subject, date });
  const rowLabel = count ? t('conversations.row', { row: messageLabel, count }) : messageLabel;
  const tags = shownTags(header.keywords, t, header.gmailLabels);
  const taggedLabel = tags.length
    ? t('tags.rowTagged', { row: rowLabel, tags: tags.map((tag) => tag.name).join(', ') })
    : rowLabel;
  const accountLabel = account
    ? t('messageList.rowInAccount', { row: taggedLabel, account: account.name })
    : taggedLabel;
  const label = header.foundOnServer ? t('serverSearch.rowFound', { row: accountLabel }) : accountLabel;
  return { people, subject, date, unread, starred, count, tags, label };
}

/**
 * The option element: its place (top, index, the list's total) and its state. During a first
 * sync the total changes with every re-read while the rows on screen stay the same messages, so
 * this part re-renders alone: the texts (several interpolating t() calls) are memoized on the
 * header, and the row's content is a memo of its own that a new total does not reach.
 */
export const MessageRow = memo(function MessageRow(props: MessageRowProps) {
  const { header, t, now, locale, showRecipients, account } = props;
  const text = useMemo(
    () => rowText(header, t, now, locale, showRecipients, account),
    [header, t, now, locale, showRecipients, account],
  );
  const className = [
    'message-row',
    text.unread ? 'is-unread' : '',
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
      aria-label={text.label}
      aria-setsize={props.total}
      aria-posinset={props.index + 1}
      style={{ transform: `translateY(${props.top}px)` }}
      // onto a folder in the sidebar (renderer/folders/use-message-drag.ts)
      draggable
      onClick={(event) => props.onRowClick(props.index, header, event)}
    >
      <MessageRowContent
        header={header}
        text={text}
        checked={!!props.checked}
        account={account}
        location={props.location}
        t={t}
      />
    </div>
  );
});

interface MessageRowContentProps {
  header: MessageHeader;
  text: RowText;
  checked: boolean;
  account: AccountLabel | null | undefined;
  location: string | undefined;
  t: TFunction;
}

const MessageRowContent = memo(function MessageRowContent({
  header,
  text,
  checked,
  account,
  location,
  t,
}: MessageRowContentProps) {
  const { count } = text;
  return (
    <>
      <span className="row-marker" aria-hidden="true">
        {checked ? (
          <span className="row-check">
            <Icon name="check" size={12} />
          </span>
        ) : (
          text.unread && <span className="row-unread-dot" />
        )}
      </span>
      <div className="row-body">
        <div className="row-line">
          <span className="row-sender">{text.people}</span>
          {count && (
            <span className="row-count" title={t('conversations.count', { count })}>
              {count}
            </span>
          )}
          {account && <AccountChip label={account} />}
          {location && <span className="row-location">{location}</span>}
          {header.foundOnServer && <span className="row-server">{t('serverSearch.badge')}</span>}
          <span className="row-date">{text.date}</span>
        </div>
        <div className="row-line">
          <span className="row-subject">{text.subject}</span>
          <TagChipList tags={text.tags} />
          <span className="row-flags">
            {header.hasAttachments && (
              <span className="row-flag row-attachment" title={t('messageList.attachment')}>
                <Icon name="paperclip" size={13} />
              </span>
            )}
            {text.starred && (
              <span className="row-flag row-star" title={t('messageList.starred')}>
                <Icon name="star" size={13} filled />
              </span>
            )}
          </span>
        </div>
        <div className="row-snippet">{header.snippet ?? ''}</div>
      </div>
    </>
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
