// The open message's mark-read while it waits for the frame that shows the message
// (use-mark-read-on-open.ts). It is made before the message actions, which send it first
// (`beforeChange`), so that it reaches the core before what the user does and never after it.
import { useMemo, useRef } from 'react';

/** The mark-read that waits for its frame. Made before the actions, which send it first. */
export interface PendingRead {
  /** Sends the waiting mark-read now, if one waits. */
  send: () => void;
  wait: (markRead: () => void) => void;
  /** Forgets `markRead` if it is still the one waiting. */
  forget: (markRead: () => void) => void;
}

export function usePendingRead(): PendingRead {
  const waiting = useRef<(() => void) | null>(null);
  return useMemo(
    () => ({
      send: () => waiting.current?.(),
      wait: (markRead) => {
        waiting.current = markRead;
      },
      forget: (markRead) => {
        if (waiting.current === markRead) waiting.current = null;
      },
    }),
    [],
  );
}
