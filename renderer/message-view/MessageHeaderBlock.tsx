// The top of the reading pane: subject, sender with avatar, recipients and the date.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Address, MessageBody, MessageHeader } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { addressLabel, addressListText } from '../format/format-address';
import { formatFullDate } from '../format/format-date';
import { EmlDragHandle } from '../reader-tools/EmlDragHandle';
import { TagChips } from '../tags/TagChips';
import { Icon } from '../ui/Icon';

function initials(address: Address | undefined): string {
  if (!address) return '';
  const words = addressLabel(address)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** A stable hue per sender, so the same person always gets the same avatar colour. */
function hue(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function MessageHeaderBlock({ header, body }: { header: MessageHeader; body: MessageBody | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sender = header.from[0];
  const rows: { label: string; value: string }[] = [
    { label: t('reader.to'), value: addressListText(header.to) },
    { label: t('reader.cc'), value: addressListText(header.cc) },
    { label: t('reader.bcc'), value: addressListText(body?.bcc ?? []) },
    { label: t('reader.replyTo'), value: addressListText(body?.replyTo ?? []) },
  ].filter((row) => row.value);

  return (
    <header className="message-header">
      <h2 className="message-subject">{header.subject.trim() || t('messageList.noSubject')}</h2>
      <TagChips keywords={header.keywords} labels={header.gmailLabels} />
      <div className="message-meta">
        <span
          className="avatar"
          aria-hidden="true"
          style={{ '--avatar-hue': hue(sender?.address ?? '') } as CSSProperties}
        >
          {initials(sender)}
        </span>
        <dl className="message-people">
          <div className="message-from">
            <dt className="visually-hidden">{t('reader.from')}</dt>
            <dd>
              <span className="message-from-name">{sender ? addressLabel(sender) : t('messageList.noSender')}</span>
              {sender && sender.name.trim() && <span className="message-from-address">{sender.address}</span>}
            </dd>
          </div>
          {rows.map((row) => (
            <div key={row.label} className="message-recipients">
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
        <div className="message-date-block">
          <span className="visually-hidden">{t('reader.date')}</span>
          <time
            className="message-date"
            dateTime={Number.isFinite(header.date) ? new Date(header.date).toISOString() : undefined}
          >
            {formatFullDate(header.date, locale)}
          </time>
          <span className="message-header-flags">
            <EmlDragHandle id={header.id} />
            {header.flags.flagged && (
              <span className="row-star" title={t('messageList.starred')}>
                <Icon name="star" size={14} filled />
              </span>
            )}
          </span>
        </div>
      </div>
    </header>
  );
}
