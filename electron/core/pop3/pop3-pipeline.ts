// A sliding window of commands on one POP3 connection: replies are on their way while the one that
// arrived is handled, so the connection never idles while the engine stores what came (the
// lockstep way, a window sent, awaited and stored before the next, left the server waiting for a
// third of the download). Replies are handled in order. After a failure nothing more is sent, and
// the first error is thrown once the replies already taken are handled.
//
// The window is counted in commands and, where the caller knows how large each reply will be
// (LIST's sizes), in bytes: a store of a few hundred messages takes the engine tens of
// milliseconds, and a window of a few messages let the server finish them in one and wait out the
// rest, while a window of many large messages would hold them all in memory at once. It is topped
// up once it has drained to half, with all the commands that fit sent as one write (`together`),
// so a download is a few hundred TLS records of commands instead of one per message.

export interface PipelineWindow<T> {
  /** Commands in flight at most. */
  commands: number;
  /** Bytes of replies in flight at most (by `size`); one command is always let through. */
  bytes?: number;
  /** The size the reply to `item` is expected to have. */
  size?(item: T): number;
  /** Runs `sendAll`, which sends several commands, so that they leave as one write. */
  together?(sendAll: () => void): void;
}

export async function pipeline<T>(
  items: readonly T[],
  window: number | PipelineWindow<T>,
  send: (item: T) => Promise<Buffer>,
  /**
   * Handles a reply. A promise it returns is awaited before the next reply is taken (the commands
   * sent stay on their way meanwhile): how the caller keeps what it holds bounded.
   */
  take: (item: T, reply: Buffer) => unknown,
): Promise<void> {
  const w: PipelineWindow<T> = typeof window === 'number' ? { commands: window } : window;
  const maxCommands = Math.max(1, w.commands);
  const maxBytes = w.bytes ?? Number.POSITIVE_INFINITY;
  const sizeOf = w.size ?? (() => 0);
  const together = w.together ?? ((sendAll: () => void) => sendAll());
  const inFlight: { item: T; size: number; reply: Promise<Buffer> }[] = [];
  let bytesInFlight = 0;
  let next = 0;
  const fits = () =>
    next < items.length &&
    inFlight.length < maxCommands &&
    (inFlight.length === 0 || bytesInFlight + sizeOf(items[next]!) <= maxBytes);
  const sendAll = () => {
    while (fits()) {
      const item = items[next++]!;
      const size = sizeOf(item);
      const reply = send(item);
      // after a cut every reply in flight fails; the one awaited first is the one reported
      reply.catch(() => undefined);
      inFlight.push({ item, size, reply });
      bytesInFlight += size;
    }
  };
  const refill = () => {
    // topped up once half of the window is free, in commands and in bytes alike: between half
    // and all of it is always on its way
    const drained = inFlight.length <= maxCommands / 2 && bytesInFlight <= maxBytes / 2;
    if (drained && fits()) together(sendAll);
  };
  refill();
  for (let head = inFlight.shift(); head; head = inFlight.shift()) {
    const reply = await head.reply;
    bytesInFlight -= head.size;
    refill();
    const taken = take(head.item, reply);
    if (taken instanceof Promise) await taken;
  }
}
