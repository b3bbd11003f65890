// The body frame is as tall as its document, so the reading pane around it scrolls (and Space
// pages it, see keyboard/reading-scroll.ts) instead of the frame. The page can read the frame's
// height because the frame is same-origin; it can run no script (message-html.ts explains why
// that combination is safe). Measured when the document has loaded (every image is a data:
// URL, so they are in by then) and again when the frame's width changes.

/** The frame's loaded message document, or null (not loaded yet, or not readable). */
function messageDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc && doc.URL === 'about:srcdoc' ? doc : null;
  } catch {
    return null;
  }
}

/** Sizes the frame to its content. Measured at zero height, so a document taller than it was shrinks too. */
export function fitFrameToContent(frame: HTMLIFrameElement): void {
  const doc = messageDocument(frame);
  if (!doc) return;
  const { style } = frame;
  style.flexGrow = '0';
  style.blockSize = '0px';
  const height = doc.documentElement.scrollHeight;
  style.blockSize = `${height}px`;
  style.flexGrow = '';
}

/** A ref callback (React 19: its return value is the cleanup) that keeps the frame fitted. */
export function keepFrameFitted(frame: HTMLIFrameElement | null): (() => void) | undefined {
  if (!frame) return undefined;
  // Nothing to measure before the message document has loaded, and asking a new frame for its
  // document before then makes the browser build an empty one at once (see frame-keys.ts).
  let loaded = false;
  const fit = () => {
    loaded = true;
    fitFrameToContent(frame);
  };
  let width = -1;
  const observer = new ResizeObserver(([entry]) => {
    // its own height changes (ours) are no reason to measure again
    if (!entry || Math.abs(entry.contentRect.width - width) < 0.5) return;
    width = entry.contentRect.width;
    if (loaded) fitFrameToContent(frame);
  });
  frame.addEventListener('load', fit);
  observer.observe(frame);
  return () => {
    frame.removeEventListener('load', fit);
    observer.disconnect();
  };
}
