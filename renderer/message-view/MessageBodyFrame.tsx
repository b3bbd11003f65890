// The message body in its sandboxed frame, with the remote-content bar above it. All
// decisions about what the HTML may do are made in message-html.ts; this only wires them:
// inline parts and (once allowed) remote images are fetched through the transport and handed
// back to it as data: URLs.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { BODY_FRAME_SANDBOX, renderHtmlBody, renderPlainTextBody } from './message-html';
import { RemoteContentBar } from './RemoteContentBar';
import { isRemoteContentAllowed } from './remote-content-prefs';
import { BodySkeleton } from './BodySkeleton';
import { RemoteImagesStatus } from './RemoteImagesStatus';
import { useInlineImages } from './use-inline-images';
import { useRemoteContentPolicy } from './use-remote-content-policy';
import { useRemoteImages } from './use-remote-images';

const NO_IDS: readonly string[] = [];

export function MessageBodyFrame({ header, body }: { header: MessageHeader; body: MessageBody }) {
  const { t } = useTranslation();
  const sender = header.from[0]?.address;
  const [loadedOnceFor, setLoadedOnceFor] = useState<number | null>(null);
  const { policy, allowSender } = useRemoteContentPolicy();
  const loadedOnce = loadedOnceFor === header.id;
  const allowRemote = loadedOnce || (policy !== null && isRemoteContentAllowed(policy, header.accountId, sender));

  const firstPass = useMemo(
    () => (body.html !== null ? renderHtmlBody(body.html, { allowRemote, inlineImages: new Map() }) : null),
    [body.html, allowRemote],
  );
  const inline = useInlineImages(body, firstPass?.missingContentIds ?? NO_IDS);
  const remote = useRemoteImages(firstPass?.remoteImageUrls ?? NO_IDS, allowRemote);
  const inlineImages = inline.images;
  const remoteImages = remote.images;
  const rendered = useMemo(() => {
    if (body.html === null) return renderPlainTextBody(body.text ?? '');
    if (inlineImages.size === 0 && remoteImages.size === 0 && firstPass) return firstPass;
    return renderHtmlBody(body.html, { allowRemote, inlineImages, remoteImages });
  }, [body.html, body.text, allowRemote, inlineImages, remoteImages, firstPass]);
  // After "Load once" (or "Always") the text is already on screen: it stays while the images come.
  // Until the policy is known the bar might show for a message that loads anyway: wait for it.
  const pending = policy === null || inline.pending || (remote.pending && !loadedOnce);

  return (
    <>
      {allowRemote && <RemoteImagesStatus loading={remote.loading} failed={remote.failed} />}
      {rendered.hasRemoteContent && !allowRemote && (
        <RemoteContentBar
          onLoadOnce={() => setLoadedOnceFor(header.id)}
          onAlwaysForSender={
            sender
              ? () => {
                  // If the engine does not keep it, this message still shows its images.
                  allowSender(header.accountId, sender).catch(() => undefined);
                  setLoadedOnceFor(header.id); // shown already: keep it on screen while images come
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
