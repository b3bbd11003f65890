// The reading pane's body frames: the open message's, shown, and the prepared neighbours',
// loaded and fitted to their content while hidden (body-frames.ts). Pressing j shows the next
// message's frame as it is; nothing is built, parsed or laid out on the key press. Frames stay
// in the DOM in the order they were added (moving an iframe would reload it), and frames no
// longer wanted are removed a moment later, when the keys have come to rest, not on the press.
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyFrame, bodyFrames, shownFrame, subscribeBodyFrames } from './body-frames';
import type { DeceptiveLink } from './deceptive-link';
import { DeceptiveLinkDialog } from './DeceptiveLinkDialog';
import { keepFrameFitted } from './fit-frame';
import { forwardFrameKeys } from './frame-keys';
import { type OnLinkMenu, guardFrameLinks, openLink, type OnDeceptiveLink } from './frame-links';
import { WRITE_TO_EVENT, linkMenu } from './link-menu';
import { BODY_FRAME_SANDBOX } from './message-html';
import { ContextMenu, type MenuRequest } from '../ui/ContextMenu';

/** How long unwanted frames linger: removing one costs a frame's teardown, not for a key press. */
const PRUNE_AFTER_MS = 400;

/**
 * A ref callback (React 19: returns its cleanup): the frame is kept fitted, its keys reach the
 * shortcuts, and a deceptive link in it is held back for a warning.
 */
function frameRef(
  frame: HTMLIFrameElement | null,
  onDeceptive: OnDeceptiveLink,
  onLinkMenu: OnLinkMenu,
): (() => void) | undefined {
  if (!frame) return undefined;
  const unfit = keepFrameFitted(frame);
  const unforward = forwardFrameKeys(frame);
  const unguard = guardFrameLinks(frame, onDeceptive, onLinkMenu);
  return () => {
    unfit?.();
    unforward();
    unguard();
  };
}

/** `openId`: the message the pane shows, if one (and only one) is open. */
export function BodyFramePool({ openId }: { openId: number | null }) {
  const { t } = useTranslation();
  const [deceptive, setDeceptive] = useState<(DeceptiveLink & { href: string }) | null>(null);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });
  // one callback for the pool's life: a new ref callback would detach and re-attach every frame
  const attachFrame = useCallback(
    (frame: HTMLIFrameElement | null) =>
      frameRef(
        frame,
        (link) => setDeceptive(link),
        (link, position) => {
          const actions = {
            open: (href: string, text: string) => openLink(href, text, setDeceptive),
            copy: (text: string) => void navigator.clipboard.writeText(text).catch(() => undefined),
            writeTo: (mailto: string) => window.dispatchEvent(new CustomEvent(WRITE_TO_EVENT, { detail: mailto })),
          };
          // the menu takes the focus from the link; it goes back to the frame when the menu closes
          frame?.focus();
          setMenu(linkMenu(link, position, actions, tRef.current));
        },
      ),
    [],
  );
  const state = useSyncExternalStore(subscribeBodyFrames, bodyFrames);
  const { prepared } = state;
  const current = shownFrame(state, openId);
  const inDom = useRef<BodyFrame[]>([]);
  const [, pruned] = useReducer((count: number) => count + 1, 0);

  const wanted = new Map<number, BodyFrame>();
  for (const frame of prepared) wanted.set(frame.messageId, frame);
  if (current) wanted.set(current.messageId, current);
  // Derived during render, and the same on a repeated render: kept frames first, new ones after.
  // The order must survive renders without causing one (state would render twice per key): a ref.
  // eslint-disable-next-line react-hooks/refs -- see above: the DOM order is kept in a ref on purpose
  const frames = inDom.current.map((frame) => wanted.get(frame.messageId) ?? frame);
  for (const frame of wanted.values())
    if (!frames.some((item) => item.messageId === frame.messageId)) frames.push(frame);
  // eslint-disable-next-line react-hooks/refs -- idempotent: a repeated render derives the same list
  inDom.current = frames;
  const surplus = frames.length > wanted.size;
  const latestWanted = useRef(wanted);
  // eslint-disable-next-line react-hooks/refs -- read only by the prune timer, after this render has committed
  latestWanted.current = wanted;
  const pruneTimer = useRef<number | null>(null);

  // Not restarted by every render: while the keys keep coming, frames must not pile up.
  useEffect(() => {
    if (!surplus || pruneTimer.current !== null) return;
    pruneTimer.current = window.setTimeout(() => {
      pruneTimer.current = null;
      inDom.current = inDom.current.filter((frame) => latestWanted.current.has(frame.messageId));
      pruned();
    }, PRUNE_AFTER_MS);
  });
  useEffect(
    () => () => {
      if (pruneTimer.current !== null) window.clearTimeout(pruneTimer.current);
    },
    [],
  );

  return (
    <div className={current ? 'message-frames' : 'message-frames is-empty'}>
      {frames.map((frame) => {
        const shown = frame.messageId === current?.messageId;
        return (
          <iframe
            key={frame.messageId}
            ref={attachFrame}
            className={shown ? 'message-frame' : 'message-frame is-standby'}
            // only the shown frame is "the message body" (docs/accessibility.md); the others are not there
            title={shown ? t('reader.bodyTitle') : undefined}
            aria-hidden={shown ? undefined : true}
            tabIndex={shown ? undefined : -1}
            sandbox={BODY_FRAME_SANDBOX}
            srcDoc={frame.srcdoc}
          />
        );
      })}
      {menu && <ContextMenu {...menu} onClose={() => setMenu(null)} />}
      {deceptive && <DeceptiveLinkDialog link={deceptive} onClose={() => setDeceptive(null)} />}
    </div>
  );
}
