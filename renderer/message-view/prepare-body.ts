// The neighbours of the open message are made ready to show before j/k reaches them: their
// bodies sanitized into srcdoc (body-render-cache.ts) and their inline images fetched
// (inline-image-cache.ts), in idle time so the message on screen goes first. Opening one then
// costs a cache lookup and the frame's own parse instead of a sanitizer run and a round trip.
import type { Transport } from '../../shared/contract';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { notePreparedFrame } from './body-frames';
import { renderBodyCached } from './body-render-cache';
import { loadInlineImage, peekInlineImage } from './inline-image-cache';
import { policyAllowsRemoteContent, remoteContentPolicyStore } from './remote-content-prefs';
import { inlinePartsFor } from './use-inline-images';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The account's and the sender's standing choice about remote content (the open message may also
 * "Load once"). Unknown until the engine's policy has arrived: then nothing remote is prepared,
 * and a frame prepared that way is simply not used if the open message decides otherwise.
 */
export function remoteContentAllowedFor(transport: Transport, header: MessageHeader): boolean {
  return policyAllowsRemoteContent(remoteContentPolicyStore(transport).current(), header);
}

/** Resolves when the page is idle (or after `timeoutMs` at the latest). */
function idle(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else window.setTimeout(resolve, 0);
  });
}

export async function prepareBody(transport: Transport, header: MessageHeader, body: MessageBody): Promise<void> {
  const allowRemote = remoteContentAllowedFor(transport, header);
  await idle();
  const first = renderBodyCached(body, allowRemote, NONE);
  const parts = inlinePartsFor(body, first.missingContentIds);
  // With remote content allowed the open message waits for the engine's copies of its images:
  // a frame loaded now would be thrown away.
  if (parts.length === 0) {
    if (!allowRemote || first.remoteImageUrls.length === 0)
      notePreparedFrame({ messageId: body.messageId, srcdoc: first.srcdoc });
    return;
  }
  await Promise.all(parts.map(({ id, part }) => loadInlineImage(transport, body.messageId, id, part)));
  const images = new Map<string, string>();
  for (const { id } of parts) {
    const url = peekInlineImage(transport, body.messageId, id);
    if (url) images.set(id, url);
  }
  await idle();
  const complete = renderBodyCached(body, allowRemote, images);
  if (!allowRemote || complete.remoteImageUrls.length === 0)
    notePreparedFrame({ messageId: body.messageId, srcdoc: complete.srcdoc });
}
