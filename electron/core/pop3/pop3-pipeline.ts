// A sliding window of commands on one POP3 connection: up to `window` replies are on their way
// while the one that arrived is handled, and a new command goes out as each reply is taken, so
// the connection never idles while the engine stores what came (the lockstep way, a window sent,
// awaited and stored before the next, left the server waiting for a third of the download).
// Replies are handled in order. After a failure nothing more is sent, and the first error is
// thrown once the replies already taken are handled.

export async function pipeline<T>(
  items: readonly T[],
  window: number,
  send: (item: T) => Promise<Buffer>,
  take: (item: T, reply: Buffer) => void,
): Promise<void> {
  const inFlight: { item: T; reply: Promise<Buffer> }[] = [];
  let next = 0;
  const refill = () => {
    while (next < items.length && inFlight.length < window) {
      const item = items[next++]!;
      const reply = send(item);
      // after a cut every reply in flight fails; the one awaited first is the one reported
      reply.catch(() => undefined);
      inFlight.push({ item, reply });
    }
  };
  refill();
  for (let head = inFlight.shift(); head; head = inFlight.shift()) {
    const reply = await head.reply;
    refill();
    take(head.item, reply);
  }
}
