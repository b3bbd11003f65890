// Remote images, once the user allowed them, come from the engine (transport 'remote.image')
// as data: URLs; this page never requests them itself. They are put into the document all at
// once when every answer is in (each is bounded by the engine's 10 s budget), so the frame is
// redrawn once, not once per image. `pending` is true for the first moments only, so a
// message from a trusted sender can be drawn complete instead of reflowing.
import { useEffect, useState } from 'react';
import { useTransport } from '../app/app-services';
import { fetchRemoteImageCached } from './remote-image-cache';
import { loadRemoteImages, type RemoteImages } from './remote-images';

/** Past this the body shows without its remote images; they appear when they arrive. */
const MAX_WAIT_MS = 1500;

const NONE: ReadonlyMap<string, string> = new Map();

export interface RemoteImagesState extends RemoteImages {
  /** Answers are still on their way. */
  loading: boolean;
  /** Loading, and still within the short wait worth holding the first paint for. */
  pending: boolean;
}

/** `urls` must keep its identity while the message and the choice stay the same (memoize it). */
export function useRemoteImages(urls: readonly string[], enabled: boolean): RemoteImagesState {
  const transport = useTransport();
  const [result, setResult] = useState<{ for: readonly string[]; value: RemoteImages } | null>(null);
  const [waitedFor, setWaitedFor] = useState<readonly string[] | null>(null);
  const active = enabled && urls.length > 0;

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => setWaitedFor(urls), MAX_WAIT_MS);
    void loadRemoteImages((url) => fetchRemoteImageCached(transport, url), urls, controller.signal).then(
      (value) => !controller.signal.aborted && setResult({ for: urls, value }),
    );
    return () => {
      controller.abort(); // queued images of a message no longer shown are never requested
      window.clearTimeout(timer);
    };
  }, [transport, urls, active]);

  if (!active) return { images: NONE, failed: 0, loading: false, pending: false };
  if (result?.for !== urls) return { images: NONE, failed: 0, loading: true, pending: waitedFor !== urls };
  return { ...result.value, loading: false, pending: false };
}
