import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/shell/ipc-channels';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, result: 'pong' })),
  on: vi.fn((channel: string, l: (...args: unknown[]) => void) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(l);
  }),
  removeListener: vi.fn((channel: string, l: (...args: unknown[]) => void) => listeners.get(channel)?.delete(l)),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(cb: (...args: unknown[]) => void): () => void;
}

beforeEach(async () => {
  vi.resetModules();
  exposed.clear();
  listeners.clear();
  await import('../../electron/preload');
});

const bridge = () => exposed.get('mail') as Bridge;

describe('the preload', () => {
  it('exposes exactly window.mail with invoke and onEvent', () => {
    expect([...exposed.keys()]).toEqual(['mail']);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('invoke goes to the one invoke channel', async () => {
    expect(await bridge().invoke('accounts.list', {})).toEqual({ ok: true, result: 'pong' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'accounts.list', {});
  });

  it('onEvent passes name and payload but never the IPC event, and unsubscribes', () => {
    const cb = vi.fn();
    const unsubscribe = bridge().onEvent(cb);
    const ipcEvent = { sender: ipcRenderer };
    for (const l of listeners.get(EVENT_CHANNEL) ?? []) l(ipcEvent, 'sync.progress', { done: 1 });
    expect(cb).toHaveBeenCalledWith('sync.progress', { done: 1 });
    expect(cb.mock.calls[0]).toHaveLength(2);
    unsubscribe();
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('onEvent refuses a non-function', () => {
    expect(() => bridge().onEvent('x' as never)).toThrow(TypeError);
  });
});
