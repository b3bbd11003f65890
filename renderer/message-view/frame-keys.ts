// Keys pressed while the focus is inside a body frame (after a click into the message) would
// stay in the frame's document, out of reach of the app's shortcuts (keyboard/
// use-global-shortcuts.ts). The frame is same-origin but runs no script, so the page listens on
// its document and hands each key on as a copy dispatched on the iframe element: from there it
// reaches the window's listeners like a key pressed on the frame itself. The field guard still
// holds: keys typed into a field of the message (there are none, forms are sanitized away, but a
// contenteditable could survive) are not handed on.
import { isTypingTarget } from '../keyboard/field-guard';

const FORWARDED = ['keydown', 'keyup'] as const;

function forward(frame: HTMLIFrameElement, event: KeyboardEvent): void {
  if (event.isComposing) return;
  const target = event.target;
  if (target && isTypingTarget(target as Element)) return;
  const copy = new KeyboardEvent(event.type, {
    key: event.key,
    code: event.code,
    location: event.location,
    repeat: event.repeat,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    bubbles: true,
    cancelable: true,
  });
  // a shortcut that took the key (Space paging the pane) keeps it from the frame's own default
  if (!frame.dispatchEvent(copy)) event.preventDefault();
}

/**
 * A ref-callback helper for a frame just inserted: forwards its document's keys from each load
 * on (the message document arrives with the load event; the empty one before it takes no keys).
 * The frame is not touched before then: reaching into a new frame's document makes the browser
 * build it on the spot, a cost the frames prepared ahead should not pay. Returns the cleanup.
 */
export function forwardFrameKeys(frame: HTMLIFrameElement): () => void {
  let doc: Document | null = null;
  const onKey = (event: Event) => forward(frame, event as KeyboardEvent);
  const detach = () => {
    for (const type of FORWARDED) doc?.removeEventListener(type, onKey);
    doc = null;
  };
  const attach = () => {
    detach();
    try {
      doc = frame.contentDocument;
    } catch {
      doc = null; // not same-origin: nothing to listen to
    }
    for (const type of FORWARDED) doc?.addEventListener(type, onKey);
  };
  frame.addEventListener('load', attach);
  return () => {
    frame.removeEventListener('load', attach);
    detach();
  };
}
