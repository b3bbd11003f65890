// Requests wait for the window, are handed out once, and a flood cannot grow without bound.
import { describe, expect, it, vi } from 'vitest';
import { LaunchQueue } from '../../electron/shell/launch-queue';

describe('LaunchQueue', () => {
  it('hands each request out once, in order, and tells listeners of each push', () => {
    const queue = new LaunchQueue();
    const listener = vi.fn();
    const stop = queue.onPush(listener);
    queue.push({ kind: 'mailto', url: 'mailto:a@x.se' });
    queue.push({ kind: 'compose' });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(queue.take()).toEqual([{ kind: 'mailto', url: 'mailto:a@x.se' }, { kind: 'compose' }]);
    expect(queue.take()).toEqual([]);
    stop();
    queue.push({ kind: 'compose' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps only the newest twenty when nobody takes them', () => {
    const queue = new LaunchQueue();
    for (let i = 0; i < 25; i++) queue.push({ kind: 'mailto', url: `mailto:u${i}@x.se` });
    const taken = queue.take();
    expect(taken).toHaveLength(20);
    expect(taken[0]).toEqual({ kind: 'mailto', url: 'mailto:u5@x.se' });
  });
});
