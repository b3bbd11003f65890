// Which message documents the reading pane's frames hold (BodyFramePool.tsx): the open
// message's, once its body is ready to show (MessageBodyFrame.tsx), and the neighbours' that
// were prepared ahead (prepare-body.ts). A neighbour's frame is loaded and laid out while hidden,
// so j/k to it shows a finished document instead of building a frame on the key press.
export interface BodyFrame {
  messageId: number;
  srcdoc: string;
}

export interface BodyFrames {
  /** What the open message's view chose to show; srcdoc null while its body is not ready. */
  current: { messageId: number; srcdoc: string | null } | null;
  /** The most recently prepared neighbours, oldest first. */
  prepared: readonly BodyFrame[];
}

/** Neighbours kept ready (use-reading-flow.ts prepares the next two and the previous one). */
const MAX_PREPARED = 3;

let state: BodyFrames = { current: null, prepared: [] };
const listeners = new Set<() => void>();

function update(next: BodyFrames): void {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeBodyFrames(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function bodyFrames(): BodyFrames {
  return state;
}

/** The open message's document (srcdoc null while its body is not ready to show). */
export function showBodyFrame(messageId: number, srcdoc: string | null): void {
  const { current } = state;
  if (current?.messageId === messageId && current.srcdoc === srcdoc) return;
  update({ ...state, current: { messageId, srcdoc } });
}

/** The open message's view is gone (another message, or none, is open). */
export function hideBodyFrame(messageId: number): void {
  if (state.current?.messageId === messageId) update({ ...state, current: null });
}

/**
 * The frame to show for the open message: what its view chose or, until it has said, the
 * prepared document, which is what it will choose for a neighbour prepared ahead. So the key
 * press that opens a neighbour shows its frame in the same commit as its headers.
 */
export function shownFrame(frames: BodyFrames, openId: number | null): BodyFrame | null {
  if (openId === null) return null;
  const { current } = frames;
  if (current?.messageId === openId)
    return current.srcdoc === null ? null : { messageId: openId, srcdoc: current.srcdoc };
  return frames.prepared.find((frame) => frame.messageId === openId) ?? null;
}

/** A neighbour's document, ready to be loaded in a hidden frame. */
export function notePreparedFrame(frame: BodyFrame): void {
  const others = state.prepared.filter((item) => item.messageId !== frame.messageId);
  update({ ...state, prepared: [...others, frame].slice(-MAX_PREPARED) });
}
