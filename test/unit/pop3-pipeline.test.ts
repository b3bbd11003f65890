// The window of POP3 commands in flight (pop3-pipeline.ts), with replies the test resolves by
// hand: how many commands and how many bytes are on their way at each moment, which ones leave
// together, and that replies are taken in order whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import { pipeline } from '../../electron/core/pop3/pop3-pipeline';

/** Commands sent and not yet answered, with a way to answer them. */
function fakeServer() {
  const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  const sent: number[] = [];
  const send = (n: number) =>
    new Promise<Buffer>((resolve, reject) => {
      sent.push(n);
      waiting.set(n, { resolve, reject });
    });
  const answer = (n: number) => {
    waiting.get(n)!.resolve(Buffer.from(`message ${n}`));
    waiting.delete(n);
  };
  return { send, answer, waiting, sent };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('pipeline', () => {
  it('keeps between half and all of the command window in flight, topped up in groups sent together', async () => {
    const server = fakeServer();
    const groups: number[][] = [];
    const taken: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i + 1);
    const done = pipeline(
      items,
      {
        commands: 8,
        together: (sendAll) => {
          const before = server.sent.length;
          sendAll();
          groups.push(server.sent.slice(before));
        },
      },
      server.send,
      (n) => taken.push(n),
    );
    await tick();
    expect(server.waiting.size).toBe(8);
    // three replies: still more than half in flight, nothing new goes out
    for (const n of [1, 2, 3]) server.answer(n);
    await tick();
    expect(server.waiting.size).toBe(5);
    expect(server.sent).toHaveLength(8);
    // the fourth drains it to half: the window fills again with one write
    server.answer(4);
    await tick();
    expect(server.waiting.size).toBe(8);
    expect(groups.slice(0, 2)).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    while (server.waiting.size > 0) {
      server.answer(Math.min(...server.waiting.keys()));
      await tick();
    }
    await done;
    expect(taken).toEqual(items);
    expect(groups.flat()).toEqual(items);
  });

  it('holds the bytes in flight to the window, but always lets one command through', async () => {
    const server = fakeServer();
    const sizes = new Map([
      [1, 400],
      [2, 400],
      [3, 300],
      [4, 2000], // larger than the whole window
      [5, 100],
    ]);
    const inFlightBytes: number[] = [];
    const done = pipeline(
      [1, 2, 3, 4, 5],
      { commands: 100, bytes: 1000, size: (n) => sizes.get(n)! },
      server.send,
      () => inFlightBytes.push([...server.waiting.keys()].reduce((sum, n) => sum + sizes.get(n)!, 0)),
    );
    await tick();
    expect([...server.waiting.keys()]).toEqual([1, 2]); // 3 would make 1,100 bytes
    server.answer(1);
    await tick();
    // 400 bytes left in flight, under half: 3 fits, 4 does not
    expect([...server.waiting.keys()]).toEqual([2, 3]);
    server.answer(2);
    server.answer(3);
    await tick();
    expect([...server.waiting.keys()]).toEqual([4]); // alone, though larger than the window
    server.answer(4);
    await tick();
    server.answer(5);
    await done;
    expect(server.sent).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...inFlightBytes)).toBeLessThanOrEqual(2000);
  });

  it('takes replies in order though they arrive out of order, and after a failure sends nothing more', async () => {
    const server = fakeServer();
    const taken: number[] = [];
    const done = pipeline([1, 2, 3, 4, 5, 6], 2, server.send, (n) => taken.push(n));
    await tick();
    server.answer(2);
    await tick();
    expect(taken).toEqual([]);
    server.answer(1);
    await tick();
    expect(taken).toEqual([1, 2]);
    // the connection drops: every reply in flight fails, the first one awaited is the error
    for (const [, w] of server.waiting) w.reject(new Error('cut'));
    await expect(done).rejects.toThrow('cut');
    expect(server.sent).toEqual([1, 2, 3, 4]);
  });
});
