// The context menu on a link in a message body: open it (by the same path as a click, so a
// deceptive link is still held back for its warning), copy its address, and for a mailto: link
// copy the bare address or write to it in the app's own composer.
import type { TFunction } from 'i18next';
import { parseMailto } from '../../shared/mailto';
import type { MenuItem, MenuRequest } from '../ui/ContextMenu';

/** Asks the app to open its composer filled from a mailto: link (use-launch-requests.ts listens). */
export const WRITE_TO_EVENT = 'mail:write-to';

export interface LinkMenuActions {
  open: (href: string, text: string) => void;
  copy: (text: string) => void;
  writeTo: (mailto: string) => void;
}

/** The address(es) a mailto: link writes to, as one would type them; null for other links. */
export function mailtoAddress(href: string): string | null {
  if (!/^mailto:/i.test(href)) return null;
  const fields = parseMailto(href);
  const to = fields?.to.join(', ') ?? '';
  return to === '' ? null : to;
}

export function linkMenu(
  link: { href: string; text: string },
  position: { x: number; y: number },
  actions: LinkMenuActions,
  t: TFunction,
): MenuRequest {
  const address = mailtoAddress(link.href);
  const items: MenuItem[] = [
    { id: 'open-link', label: t('linkMenu.open'), run: () => actions.open(link.href, link.text) },
    { id: 'copy-link', label: t('linkMenu.copyAddress'), run: () => actions.copy(link.href) },
  ];
  if (address !== null) {
    items.push(
      { id: 'copy-email', label: t('linkMenu.copyEmail'), run: () => actions.copy(address) },
      { id: 'write-to', label: t('linkMenu.writeTo', { address }), run: () => actions.writeTo(link.href) },
    );
  }
  return { label: t('linkMenu.label', { link: address ?? link.href }), ...position, items };
}
