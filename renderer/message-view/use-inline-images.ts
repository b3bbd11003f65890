// Inline (cid:) images are fetched only when the body refers to them, and handed to the
// renderer as data: URLs. While they load (briefly: the neighbours of the open message have
// theirs fetched ahead, see prepare-body.ts) `pending` is true, so the frame is drawn once,
// complete, instead of reflowing.
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { AttachmentInfo, MessageBody } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useStableIdSet } from '../app/use-stable-id-set';
import { forgetFailedInlineImages, loadInlineImage, peekInlineImage } from './inline-image-cache';
import { normalizeContentId } from './message-html';

/** Past this the body shows without the images still on their way; they appear when they arrive. */
const MAX_WAIT_MS = 1500;

/** The parts the body's cid: references point at (references to no part stay blank). */
export function inlinePartsFor(
  body: MessageBody,
  contentIds: readonly string[],
): { id: string; part: AttachmentInfo }[] {
  const parts: { id: string; part: AttachmentInfo }[] = [];
  for (const id of contentIds) {
    const part = body.attachments.find((item) => item.contentId && normalizeContentId(item.contentId) === id);
    if (part) parts.push({ id, part });
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
