// Space and Shift+Space page through the open message; at its end Space goes on to the next
// message (as in Gmail and Thunderbird). The body frame is sized to its content
// (message-view/fit-frame.ts), so what scrolls is the reading pane around it; a frame whose
// own document scrolls (content the fitting could not measure) is paged itself.
export type PageResult = 'paged' | 'atEnd' | 'atStart' | 'unavailable';

/** How much of a page to keep visible when paging (a line or two of context). */
const OVERLAP = 0.1;

function isScrollable(element: Element): boolean {
  if (element.scrollHeight <= element.clientHeight + 1) return false;
  const overflow = getComputedStyle(element).overflowY;
  return overflow === 'auto' || overflow === 'scroll' || element === element.ownerDocument.scrollingElement;
}

/** The frame's message document once loaded; null while it loads or when it is not ours to read. */
function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc && doc.URL === 'about:srcdoc' && doc.readyState === 'complete' ? doc : null;
  } catch {
    return null;
  }
}

function scrollerOf(frame: HTMLIFrameElement, pane: HTMLElement): Element | 'unknown' | null {
  const inner = frameDocument(frame);
  // Still loading (or of another origin): where its end is cannot be told yet.
  if (!inner) return 'unknown';
  const scrolling = inner.scrollingElement;
  if (scrolling && scrolling.scrollHeight > scrolling.clientHeight + 1) return scrolling;
  for (let element = frame.parentElement; element && pane.contains(element); element = element.parentElement)
    if (isScrollable(element)) return element;
  return null;
}

export function pageReadingPane(direction: 1 | -1, doc: Document = document): PageResult {
  const pane = doc.getElementById('pane-reading');
  // the shown body frame (prepared neighbours wait hidden beside it, see BodyFramePool.tsx)
  const frame = pane?.querySelector('[role="region"] iframe.message-frame:not(.is-standby)');
  // Nothing open, or its body still on its way: nothing to page through yet.
  if (!pane || !(frame instanceof HTMLIFrameElement)) return 'unavailable';
  const scroller = scrollerOf(frame, pane);
  if (scroller === 'unknown') return 'unavailable';
  if (scroller === null) return direction === 1 ? 'atEnd' : 'atStart';
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (direction === 1 && scroller.scrollTop >= max - 1) return 'atEnd';
  if (direction === -1 && scroller.scrollTop <= 0) return 'atStart';
  scroller.scrollBy({ top: direction * scroller.clientHeight * (1 - OVERLAP), behavior: 'auto' });
  return 'paged';
}
