// The message's attachments with their sizes; each can be opened or saved. Data is fetched
// only when asked for, with `message.attachment`. In the desktop app "open" hands the file to
// the system's default app (`message.openAttachment`); the browser shell opens or saves a Blob.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPolicy, type SaveOnlyReason } from '../../shared/attachment-open-policy';
import type { AttachmentInfo, MessageId } from '../../shared/domain';
import { useLocale, useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { formatSize } from '../format/format-size';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import { openAttachment, openWithSystem, saveAttachment } from './attachment-files';

/** Why the file was saved rather than opened, in the user's language. */
function saveOnlyNotice(t: TFunction, reason: SaveOnlyReason, name: string): string {
  switch (reason) {
    case 'program':
      return t('attachments.saveOnly.program', { name });
    case 'macros':
      return t('attachments.saveOnly.macros', { name });
    case 'archive':
      return t('attachments.saveOnly.archive', { name });
    case 'web':
      return t('attachments.saveOnly.web', { name });
    case 'unlisted':
      return t('attachments.saveOnly.unlisted', { name });
  }
}

export function AttachmentList({
  messageId,
  attachments,
}: {
  messageId: MessageId;
  attachments: readonly AttachmentInfo[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const [busyPart, setBusyPart] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const listed = attachments.filter((attachment) => !attachment.inline || !attachment.contentId);
  if (listed.length === 0) return null;

  const run = async (attachment: AttachmentInfo, action: 'open' | 'save') => {
    const name = attachment.filename || t('attachments.unnamed');
    setBusyPart(attachment.part);
    setFailure(null);
    setNotice(null);
    try {
      const outcome =
        action === 'open' ? await openWithSystem(transport, { id: messageId, part: attachment.part }) : 'unsupported';
      if (outcome === 'opened') return;
      const data = await transport.invoke('message.attachment', { id: messageId, part: attachment.part });
      const withName = { ...data, filename: data.filename || attachment.filename };
      if (outcome === 'blocked') {
        // Never run: saved, so opening it stays something the user does on purpose.
        saveAttachment(withName, name);
        const policy = openPolicy(withName.filename || name, withName.contentType);
        setNotice(saveOnlyNotice(t, policy.open ? 'unlisted' : policy.reason, name));
      } else if (action === 'open') {
        // The browser shell: what the desktop app would refuse to open is saved here too, and the
        // user is told why instead of meeting a download they did not ask for.
        const policy = openPolicy(withName.filename || name, withName.contentType);
        if (policy.open) openAttachment(withName, name);
        else {
          saveAttachment(withName, name);
          setNotice(saveOnlyNotice(t, policy.reason, name));
        }
      } else saveAttachment(withName, name);
    } catch (error) {
      setFailure(t('attachments.failed', { name, reason: errorMessage(error, t) ?? t('common.unknownError') }));
    } finally {
      setBusyPart(null);
    }
  };

  return (
    <section className="attachments" aria-label={t('attachments.label')}>
      <h3 className="attachments-heading">{t('attachments.count', { count: listed.length })}</h3>
      <ul className="attachment-list">
        {listed.map((attachment) => {
          const name = attachment.filename || t('attachments.unnamed');
          return (
            <li key={attachment.part} className="attachment" aria-busy={busyPart === attachment.part}>
              <Icon name="paperclip" className="attachment-icon" />
              <span className="attachment-name" title={name}>
                {name}
              </span>
              <span className="attachment-size">{formatSize(attachment.size, locale)}</span>
              <IconButton
                icon="open"
                label={t('attachments.openNamed', { name })}
                onClick={() => void run(attachment, 'open')}
              />
              <IconButton
                icon="download"
                label={t('attachments.saveNamed', { name })}
                onClick={() => void run(attachment, 'save')}
              />
            </li>
          );
        })}
      </ul>
      {/* polite, not role=status: the status bar is the window's one status (docs/accessibility.md);
          always there, so a screen reader hears the notice when it appears */}
      <p className="attachments-notice" aria-live="polite" hidden={!notice}>
        {notice}
      </p>
      {failure && (
        <p className="attachments-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
