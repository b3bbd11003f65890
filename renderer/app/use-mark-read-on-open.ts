// Opening a message marks it read (once per opening: "mark unread" then sticks). Not an undoable
// action: nobody asked for it. Done just after the frame that shows the message, not inside the
// key press that opened it: the row, the toolbar and the folder counts it changes would otherwise
// render again before that frame could paint (docs/architecture.md, "Reading fast"). A hidden
// window paints no frames: a message opened there is marked when the window shows. An action
// taken before then sends the waiting mark-read first (`beforeChange` in use-message-actions.ts),
// so it reaches the core before what the user does; a message only passed over (j held) is not
// marked.
//
// The wait is per message opened, not per render: the header object and the actions are new after
// every list change (snippets, counts, a sync's flags), and restarting the wait on each of them
// left a message shown during a stream of changes unmarked when j came before the next frame
// (keyboard.e2e: the first message, opened as the first sync's follow-ups arrived, stayed unread).
import { useEffect, useRef } from 'react';
import type { MessageHeader, MessageId } from '../../shared/domain';
import type { FlagChange } from './use-message-actions';
import type { PendingRead } from './use-pending-read';

interface MarkReadOnOpen {
  /** The message the reading pane shows. */
  openHeader: MessageHeader | null;
  /** With several messages selected, none is open. */
  selectedCount: number;
  setFlags: (ids: MessageId[], change: FlagChange, options: { record?: boolean }) => Promise<void>;
  pending: PendingRead;
}

export function useMarkReadOnOpen({ openHeader, selectedCount, setFlags, pending }: MarkReadOnOpen): void {
  const markedRead = useRef<MessageId | null>(null);
  // What the mark uses when it runs: the newest header (its flags) and actions.
  const latest = useRef({ openHeader, setFlags });
  useEffect(() => {
    latest.current = { openHeader, setFlags };
  }, [openHeader, setFlags]);
  const openId = openHeader && selectedCount <= 1 ? openHeader.id : null;
  useEffect(() => {
    if (openId === null || markedRead.current === openId) return;
    let done = false;
    // Once: sent early by an action (pending.send), the frame's own call must not mark it again
    // after that action (Shift+U in the same moment) made it unread.
    const markRead = () => {
      if (done) return;
      done = true;
      pending.forget(markRead);
      markedRead.current = openId;
      const header = latest.current.openHeader;
      if (header?.id === openId && !header.flags.seen)
        void latest.current.setFlags([openId], { seen: true }, { record: false });
    };
    pending.wait(markRead);
    let timer: number | null = null;
    // The frame that shows the message, then a task after it: the mark is not part of that frame.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(markRead, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== null) window.clearTimeout(timer);
      pending.forget(markRead);
    };
  }, [openId, pending]);
}
