// Inline (cid:) images are fetched only when the body refers to them, and handed to the
// renderer as data: URLs. While they load (briefly: the neighbours of the open message have
// theirs fetched ahead, see prepare-body.ts) `pending` is true, so the frame is drawn once,
// complete, instead of reflowing.
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { AttachmentInfo, MessageBody } from '../../shared/domain';
import { isImageContentType } from '../../shared/inline-image-types';
import { useTransport } from '../app/app-services';
import { useStableIdSet } from '../app/use-stable-id-set';
import { forgetFailedInlineImages, loadInlineImage, peekInlineImage } from './inline-image-cache';
import { normalizeContentId } from './message-html';

/** Past this the body shows without the images still on their way; they appear when they arrive. */
const MAX_WAIT_MS = 1500;

/**
 * What a message's inline images may cost. They are fetched whole, also for the neighbours of
 * the open message, kept in memory and sent base64 over IPC: a sender must not be able to make
 * that gigabytes by naming a huge or non-image part in a cid: URL, or thousands of them.
 */
export const INLINE_IMAGE_LIMITS = { partBytes: 5 * 1024 * 1024, messageBytes: 20 * 1024 * 1024, parts: 50 };

/**
 * The parts the body's cid: references point at that will be fetched: images only, each within
 * the part cap, in document order until the message's byte or part budget is spent (references
 * to no part, and parts left out, stay blank).
 */
export function inlinePartsFor(
  body: MessageBody,
  contentIds: readonly string[],
): { id: string; part: AttachmentInfo }[] {
  const byContentId = new Map<string, AttachmentInfo>();
  for (const item of body.attachments)
    if (item.contentId) {
      const id = normalizeContentId(item.contentId);
      if (!byContentId.has(id)) byContentId.set(id, item);
    }
  const parts: { id: string; part: AttachmentInfo }[] = [];
  let bytes = 0;
  for (const id of contentIds) {
    if (parts.length === INLINE_IMAGE_LIMITS.parts) break;
    const part = byContentId.get(id);
    if (!part || !isImageContentType(part.contentType) || part.size > INLINE_IMAGE_LIMITS.partBytes) continue;
    if (bytes + part.size > INLINE_IMAGE_LIMITS.messageBytes) continue;
    bytes += part.size;
    parts.push({ id, part });
  }
  return parts;
}

export function useInlineImages(
  body: MessageBody,
  missingContentIds: readonly string[],
): { images: ReadonlyMap<string, string>; pending: boolean } {
  const transport = useTransport();
  const [arrivals, noteArrival] = useReducer((count: number) => count + 1, 0);
  const [waitedFor, setWaitedFor] = useState<number | null>(null);
  const wanted = useMemo(() => inlinePartsFor(body, missingContentIds), [body, missingContentIds]);

  // Opening a message asks again for what failed before (a retry, as reopening should be).
  useMemo(() => forgetFailedInlineImages(transport, body.messageId), [transport, body.messageId]);

  const known = wanted.map(({ id }) => [id, peekInlineImage(transport, body.messageId, id)] as const);
  const loading = known.some(([, url]) => url === undefined);
  // A new map only when the set of arrived images changes (each new map draws the frame again).
  const arrived = useStableIdSet(known.filter(([, url]) => url).map(([id]) => id));
  const images = useMemo(() => {
    void arrived; // read through peekInlineImage below
    const map = new Map<string, string>();
    for (const { id } of wanted) {
      const url = peekInlineImage(transport, body.messageId, id);
      if (url) map.set(id, url);
    }
    return map;
  }, [transport, body.messageId, wanted, arrived]);

  useEffect(() => {
    if (!loading) return;
    let live = true;
    for (const { id, part } of wanted)
      void loadInlineImage(transport, body.messageId, id, part).then(() => live && noteArrival());
    return () => {
      live = false;
    };
  }, [transport, body.messageId, wanted, loading, arrivals]);

  useEffect(() => {
    const timer = window.setTimeout(() => setWaitedFor(body.messageId), MAX_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [body.messageId]);

  return { images, pending: loading && waitedFor !== body.messageId };
}
