// The draft's attachments as chips: name, size and a remove button named after the file.
import { useTranslation } from 'react-i18next';
import type { ComposeAttachment } from '../../shared/compose';
import { useLocale } from '../app/app-services';
import { formatSize } from '../format/format-size';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import { attachmentSize } from './attachment-limits';

function nameOf(attachment: ComposeAttachment): string {
  if (attachment.source === 'file') return attachment.filename ?? attachment.path.split(/[\\/]/).pop() ?? '';
  return attachment.filename;
}

export function AttachmentChips({
  attachments,
  onRemove,
}: {
  attachments: readonly ComposeAttachment[];
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (attachments.length === 0) return null;
  return (
    <ul className="composer-attachments" aria-label={t('attachments.label')}>
      {attachments.map((attachment, index) => {
        const name = nameOf(attachment);
        const size = formatSize(attachmentSize(attachment), locale);
        return (
          <li key={`${index}:${name}`} className="composer-attachment" aria-label={`${name}, ${size}`}>
            <Icon name="paperclip" />
            <span className="composer-attachment-name" title={name}>
              {name}
            </span>
            <span className="composer-attachment-size">{size}</span>
            <IconButton
              icon="close"
              label={t('composer.attachments.remove', { name })}
              onClick={() => onRemove(index)}
            />
          </li>
        );
      })}
    </ul>
  );
}
