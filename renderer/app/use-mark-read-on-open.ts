// Opening a message marks it read (once per opening: "mark unread" then sticks). Not an undoable
// action: nobody asked for it. Done just after the frame that shows the message, not inside the
// key press that opened it: the row, the toolbar and the folder counts it changes would otherwise
// render again before that frame could paint (docs/architecture.md, "Reading fast"). A hidden
// window paints no frames: a message opened there is marked when the window shows. An action
// taken before then sends the waiting mark-read first (`beforeChange` in use-message-actions.ts),
// so it reaches the core before what the user does; a message only passed over (j held) is not
// marked.
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
  useEffect(() => {
    if (!openHeader || selectedCount > 1 || markedRead.current === openHeader.id) return;
    const header = openHeader;
    const markRead = () => {
      pending.forget(markRead);
      markedRead.current = header.id;
      if (!header.flags.seen) void setFlags([header.id], { seen: true }, { record: false });
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
  }, [openHeader, selectedCount, setFlags, pending]);
}
