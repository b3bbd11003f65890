// Inline (cid:) images are fetched only when the body refers to them, and handed to the
// renderer as data: URLs. While they load (briefly: they are usually cached with the body)
// `pending` is true, so the frame is drawn once, complete, instead of reflowing.
import { useEffect, useState } from 'react';
import type { MessageBody } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { inlineImageDataUrl, normalizeContentId } from './message-html';

/** Past this the body shows without the images still on their way; they appear when they arrive. */
const MAX_WAIT_MS = 1500;

interface InlineImagesState {
  messageId: number;
  urls: ReadonlyMap<string, string>;
  /** Content-IDs asked for (answered or not), so none is asked for twice. */
  requested: ReadonlySet<string>;
  inFlight: number;
}

export function useInlineImages(
  body: MessageBody,
  missingContentIds: readonly string[],
): { images: ReadonlyMap<string, string>; pending: boolean } {
  const transport = useTransport();
  const [state, setState] = useState<InlineImagesState>(() => fresh(body.messageId));
  const [waitedLongEnough, setWaitedLongEnough] = useState<number | null>(null);
  const current = state.messageId === body.messageId ? state : fresh(body.messageId);

  const toFetch = missingContentIds
    .filter((id) => !current.requested.has(id))
    .map((id) => ({
      id,
      part: body.attachments.find((item) => item.contentId && normalizeContentId(item.contentId) === id),
    }));

  useEffect(() => {
    if (toFetch.length === 0) return;
    const messageId = body.messageId;
    setState((previous) => {
      const base = previous.messageId === messageId ? previous : fresh(messageId);
      const requested = new Set(base.requested);
      for (const { id } of toFetch) requested.add(id);
      return { ...base, requested, inFlight: base.inFlight + toFetch.filter(({ part }) => part).length };
    });
    for (const { id, part } of toFetch) {
      if (!part) continue;
      transport
        .invoke('message.attachment', { id: messageId, part: part.part })
        .then((data) => inlineImageDataUrl(data.contentType || part.contentType, data.dataBase64))
        .catch(() => null) // the image stays blank; the text is what matters
        .then((url) =>
          setState((previous) => {
            if (previous.messageId !== messageId) return previous;
            const urls = new Map(previous.urls);
            if (url) urls.set(id, url);
            return { ...previous, urls, inFlight: previous.inFlight - 1 };
          }),
        );
    }
    // toFetch is derived from these dependencies (a new array each render, so not listed).
  }, [transport, body, missingContentIds, current.requested]);

  useEffect(() => {
    const timer = window.setTimeout(() => setWaitedLongEnough(body.messageId), MAX_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [body.messageId]);

  const loading = current.inFlight > 0 || toFetch.some(({ part }) => part);
  return { images: current.urls, pending: loading && waitedLongEnough !== body.messageId };
}

function fresh(messageId: number): InlineImagesState {
  return { messageId, urls: new Map(), requested: new Set(), inFlight: 0 };
}
