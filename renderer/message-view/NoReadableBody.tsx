// What the reader shows for a message with no part that can be shown (no body, a multipart with
// no parts, only attachments): a sentence saying so, and the raw source on request, shown as
// escaped plain text in the same sandboxed frame as any body.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { errorMessage } from '../app/error-message';
import { useTransport } from '../app/app-services';
import { MessageBodyFrame } from './MessageBodyFrame';

export function NoReadableBody({ header, body }: { header: MessageHeader; body: MessageBody }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [source, setSource] = useState<{ text: string; truncated: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listedAttachments = body.attachments.some((a) => !a.inline || !a.contentId);

  const showSource = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await transport.invoke('message.source', { id: header.id });
      setSource({ text: result.source, truncated: result.truncated });
    } catch (error) {
      setFailure(errorMessage(error, t) ?? t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="body-empty" role="status">
        <p>{t('reader.noReadablePart')}</p>
        {listedAttachments && <p>{t('reader.noReadablePartAttachments')}</p>}
        {source?.truncated && <p>{t('reader.sourceTruncated')}</p>}
        {failure && <p role="alert">{t('reader.sourceFailed', { reason: failure })}</p>}
        {!source && (
          <button type="button" className="button" disabled={busy} onClick={() => void showSource()}>
            {t('reader.showSource')}
          </button>
        )}
      </div>
      {source && <MessageBodyFrame header={header} body={{ ...body, html: null, text: source.text }} />}
    </>
  );
}
