// Space and Shift+Space page through the open message; at its end Space goes on to the next
// message (as in Gmail and Thunderbird). The body lives in a sandboxed frame owned by
// message-view, so this finds what scrolls through the DOM: the frame's own document when
// the page may reach it, else a scrolling container of the reading pane.
export type PageResult = 'paged' | 'atEnd' | 'atStart' | 'unavailable';

/** How much of a page to keep visible when paging (a line or two of context). */
const OVERLAP = 0.1;

function isScrollable(element: Element): boolean {
  if (element.scrollHeight <= element.clientHeight + 1) return false;
  const overflow = getComputedStyle(element).overflowY;
  return overflow === 'auto' || overflow === 'scroll' || element === element.ownerDocument.scrollingElement;
}

/** The frame's document, or null when its origin is not ours (sandboxed without same-origin). */
function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

function scrollerOf(frame: HTMLIFrameElement, pane: HTMLElement): Element | 'opaque' | null {
  const inner = frameDocument(frame);
  const scrolling = inner?.scrollingElement;
  if (scrolling && scrolling.scrollHeight > scrolling.clientHeight + 1) return scrolling;
  // A frame sized to its content scrolls with the pane around it.
  for (let element = frame.parentElement; element && pane.contains(element); element = element.parentElement)
    if (isScrollable(element)) return element;
  // Not ours to read (a sandboxed frame of another origin): we cannot tell where its end is.
  return inner ? null : 'opaque';
}

export function pageReadingPane(direction: 1 | -1, doc: Document = document): PageResult {
  const pane = doc.getElementById('pane-reading');
  const frame = pane?.querySelector('[role="region"] iframe');
  // Nothing open, or its body still on its way: nothing to page through yet.
  if (!pane || !(frame instanceof HTMLIFrameElement)) return 'unavailable';
  const scroller = scrollerOf(frame, pane);
  if (scroller === 'opaque') return 'unavailable';
  if (scroller === null) return direction === 1 ? 'atEnd' : 'atStart';
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (direction === 1 && scroller.scrollTop >= max - 1) return 'atEnd';
  if (direction === -1 && scroller.scrollTop <= 0) return 'atStart';
  scroller.scrollBy({ top: direction * scroller.clientHeight * (1 - OVERLAP), behavior: 'auto' });
  return 'paged';
}
