// The message body as the document of its sandboxed frame (which BodyFramePool.tsx shows), with
// the remote-content bar above it. All decisions about what the HTML may do are made in
// message-html.ts; this only wires them: inline parts and (once allowed) remote images are
// fetched through the transport and handed back to it as data: URLs.
import { useLayoutEffect, useMemo, useState } from 'react';
import { darkBodies, useAppearance } from '../appearance/appearance-store';
import { OriginalColoursBar } from '../appearance/OriginalColoursBar';
import '../appearance/appearance.css';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { renderBodyCached } from './body-render-cache';
import { hideBodyFrame, showBodyFrame } from './body-frames';
import { renderHtmlBody } from './message-html';
import { RemoteContentBar } from './RemoteContentBar';
import { policyAllowsRemoteContent } from './remote-content-prefs';
import { BodySkeleton } from './BodySkeleton';
import { RemoteImagesStatus } from './RemoteImagesStatus';
import { useInlineImages } from './use-inline-images';
import { useRemoteContentPolicy } from './use-remote-content-policy';
import { useRemoteImages } from './use-remote-images';

const NO_IDS: readonly string[] = [];
const NO_IMAGES: ReadonlyMap<string, string> = new Map();

export function MessageBodyFrame({ header, body }: { header: MessageHeader; body: MessageBody }) {
  const sender = header.from[0]?.address;
  const [loadedOnceFor, setLoadedOnceFor] = useState<number | null>(null);
  const { policy, allowSender } = useRemoteContentPolicy();
  const loadedOnce = loadedOnceFor === header.id;
  const allowRemote = loadedOnce || policyAllowsRemoteContent(policy, header);
  // "Original colours" holds for this message while it is open.
  const [originalFor, setOriginalFor] = useState<number | null>(null);
  const dark = darkBodies(useAppearance()) && originalFor !== header.id;

  // Usually ready: the neighbours of the open message are sanitized ahead (prepare-body.ts).
  const firstPass = useMemo(
    () => (body.html !== null ? renderBodyCached(body, allowRemote, NO_IMAGES, dark) : null),
    [body, allowRemote, dark],
  );
  const inline = useInlineImages(body, firstPass?.missingContentIds ?? NO_IDS);
  const remote = useRemoteImages(firstPass?.remoteImageUrls ?? NO_IDS, allowRemote);
  const inlineImages = inline.images;
  const remoteImages = remote.images;
  const rendered = useMemo(() => {
    if (body.html === null) return renderBodyCached(body, false, NO_IMAGES, dark);
    if (inlineImages.size === 0 && remoteImages.size === 0 && firstPass) return firstPass;
    if (remoteImages.size === 0) return renderBodyCached(body, allowRemote, inlineImages, dark);
    return renderHtmlBody(body.html, { allowRemote, inlineImages, remoteImages, dark });
  }, [body, allowRemote, inlineImages, remoteImages, firstPass, dark]);
  // After "Load once" (or "Always") the text is already on screen: it stays while the images come.
  // Until the policy is known the bar might show for a message that loads anyway: wait for it.
  const pending = policy === null || inline.pending || (remote.pending && !loadedOnce);

  // The frame itself belongs to BodyFramePool, which may hold it ready already.
  const messageId = header.id;
  useLayoutEffect(() => {
    showBodyFrame(messageId, pending ? null : rendered.srcdoc);
  }, [pending, messageId, rendered.srcdoc]);
  useLayoutEffect(() => () => hideBodyFrame(messageId), [messageId]);

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
      {rendered.darkened && body.html !== null && (
        <OriginalColoursBar onShowOriginal={() => setOriginalFor(header.id)} />
      )}
      {pending && <BodySkeleton />}
    </>
  );
}
