// The message body in its sandboxed frame, with the remote-content bar above it. All
// decisions about what the HTML may do are made in message-html.ts; this only wires them.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { BODY_FRAME_SANDBOX, renderHtmlBody, renderPlainTextBody } from './message-html';
import { RemoteContentBar } from './RemoteContentBar';
import { allowRemoteContent, isRemoteContentAllowed } from './remote-content-prefs';
import { BodySkeleton } from './BodySkeleton';
import { useInlineImages } from './use-inline-images';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const NO_IDS: readonly string[] = [];

export function MessageBodyFrame({ header, body }: { header: MessageHeader; body: MessageBody }) {
  const { t } = useTranslation();
  const sender = header.from[0]?.address;
  const [loadedOnceFor, setLoadedOnceFor] = useState<number | null>(null);
  const [, setPrefsVersion] = useState(0);
  const allowRemote = loadedOnceFor === header.id || isRemoteContentAllowed(storage(), sender);

  const firstPass = useMemo(
    () => (body.html !== null ? renderHtmlBody(body.html, { allowRemote, inlineImages: new Map() }) : null),
    [body.html, allowRemote],
  );
  const { images: inlineImages, pending } = useInlineImages(body, firstPass?.missingContentIds ?? NO_IDS);
  const rendered = useMemo(() => {
    if (body.html === null) return renderPlainTextBody(body.text ?? '');
    if (inlineImages.size === 0 && firstPass) return firstPass;
    return renderHtmlBody(body.html, { allowRemote, inlineImages });
  }, [body.html, body.text, allowRemote, inlineImages, firstPass]);

  return (
    <>
      {rendered.hasRemoteContent && !allowRemote && (
        <RemoteContentBar
          onLoadOnce={() => setLoadedOnceFor(header.id)}
          onAlwaysForSender={
            sender
              ? () => {
                  allowRemoteContent(storage(), sender);
                  setPrefsVersion((value) => value + 1);
                }
              : null
          }
        />
      )}
      {pending ? (
        <BodySkeleton />
      ) : (
        <iframe
          className="message-frame"
          title={t('reader.bodyTitle')}
          sandbox={BODY_FRAME_SANDBOX}
          srcDoc={rendered.srcdoc}
        />
      )}
    </>
  );
}
