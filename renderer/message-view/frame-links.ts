// Clicks on links inside a body frame. The frame runs no script, but it is same-origin, so the
// page listens on its document (as frame-keys.ts does for keys) and holds back a link whose
// text shows another host than it goes to (deceptive-link.ts) until the user has been warned.
import { deceptiveLink, type DeceptiveLink } from './deceptive-link';

export type OnDeceptiveLink = (link: DeceptiveLink & { href: string }) => void;

/** Watches the frame's document from each load on; returns the cleanup. */
export function guardFrameLinks(frame: HTMLIFrameElement, onDeceptive: OnDeceptiveLink): () => void {
  let doc: Document | null = null;
  const onClick = (event: Event) => {
    const target = event.target as Element | null;
    const anchor = target?.closest?.('a[href]');
    if (!anchor) return;
    const href = (anchor as HTMLAnchorElement).href;
    const found = deceptiveLink(anchor.textContent ?? '', href);
    if (!found) return;
    event.preventDefault();
    event.stopPropagation();
    onDeceptive({ ...found, href });
  };
  const attach = () => {
    doc?.removeEventListener('click', onClick, true);
    doc = frame.contentDocument;
    doc?.addEventListener('click', onClick, true);
  };
  frame.addEventListener('load', attach);
  return () => {
    frame.removeEventListener('load', attach);
    doc?.removeEventListener('click', onClick, true);
  };
}
