// Clicks on links inside a body frame. The frame runs no script, but it is same-origin, so the
// page listens on its document (as frame-keys.ts does for keys) and holds back a link whose
// text shows another host than it goes to (deceptive-link.ts) until the user has been warned.
// A right-click on a link, or the Menu key / Shift+F10 on a focused one, asks for the link menu
// (link-menu.ts) at a point in the page's coordinates; the frame's own menu is not shown.
import { isContextMenuKey } from '../ui/context-menu-key';
import { deceptiveLink, type DeceptiveLink } from './deceptive-link';

export type OnDeceptiveLink = (link: DeceptiveLink & { href: string }) => void;
export type OnLinkMenu = (link: { href: string; text: string }, position: { x: number; y: number }) => void;

/** Opens a link as a click on it would: a deceptive one goes to its warning first. */
export function openLink(href: string, text: string, onDeceptive: OnDeceptiveLink): void {
  const found = deceptiveLink(text, href);
  if (found) onDeceptive({ ...found, href });
  // the same way an ordinary link opens: a new window the shell hands to the system browser
  else window.open(href, '_blank', 'noopener,noreferrer');
}

/** Watches the frame's document from each load on; returns the cleanup. */
export function guardFrameLinks(
  frame: HTMLIFrameElement,
  onDeceptive: OnDeceptiveLink,
  onLinkMenu?: OnLinkMenu,
): () => void {
  let doc: Document | null = null;
  const linkOf = (target: EventTarget | null) =>
    ((target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null | undefined) ?? null;
  // the frame's coordinates plus the frame's place in the page
  const inPage = (x: number, y: number) => {
    const box = frame.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  };
  const onContextMenu = (event: Event) => {
    const anchor = linkOf(event.target);
    if (!anchor || !onLinkMenu) return;
    event.preventDefault();
    const mouse = event as MouseEvent;
    onLinkMenu({ href: anchor.href, text: anchor.textContent ?? '' }, inPage(mouse.clientX, mouse.clientY));
  };
  const onKeyDown = (event: Event) => {
    const key = event as KeyboardEvent;
    if (!isContextMenuKey(key)) return;
    const anchor = linkOf(key.target);
    if (!anchor || !onLinkMenu) return;
    // taken here, before frame-keys.ts hands the key on to the app's own menus
    event.preventDefault();
    event.stopPropagation();
    const rect = anchor.getBoundingClientRect();
    onLinkMenu({ href: anchor.href, text: anchor.textContent ?? '' }, inPage(rect.left, rect.bottom));
  };
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
  const detach = () => {
    doc?.removeEventListener('click', onClick, true);
    doc?.removeEventListener('contextmenu', onContextMenu, true);
    doc?.removeEventListener('keydown', onKeyDown, true);
  };
  const attach = () => {
    detach();
    doc = frame.contentDocument;
    doc?.addEventListener('click', onClick, true);
    doc?.addEventListener('contextmenu', onContextMenu, true);
    doc?.addEventListener('keydown', onKeyDown, true);
  };
  frame.addEventListener('load', attach);
  return () => {
    frame.removeEventListener('load', attach);
    detach();
  };
}
