import { describe, expect, it, vi } from 'vitest';
import { ElectronTransport } from '../../renderer/transport/electron-transport';
import type { MailBridge } from '../../renderer/transport/protocol';

describe('ElectronTransport', () => {
  function bridge(reply: unknown): MailBridge & { emit(name: string, payload: unknown): void } {
    let cb: ((name: string, payload: unknown) => void) | undefined;
    return {
      invoke: vi.fn(async () => reply as never),
      onEvent: (c) => {
        cb = c;
        return () => (cb = undefined);
      },
      emit: (name, payload) => cb?.(name, payload),
    };
  }

  it('unwraps a result', async () => {
    expect(await new ElectronTransport(bridge({ ok: true, result: [1] })).invoke('accounts.list', {})).toEqual([1]);
  });

  it('turns an error reply into an Error with its code', async () => {
    const transport = new ElectronTransport(
      bridge({ ok: false, error: { code: 'auth-failed', message: 'Wrong password.' } }),
    );
    await expect(transport.invoke('accounts.list', {})).rejects.toMatchObject({
      code: 'auth-failed',
      message: 'Wrong password.',
    });
  });

  it('reports a broken IPC or a malformed reply as internal', async () => {
    const broken: MailBridge = {
      invoke: () => Promise.reject(new Error('could not clone')),
      onEvent: () => () => undefined,
    };
    await expect(new ElectronTransport(broken).invoke('accounts.list', {})).rejects.toMatchObject({ code: 'internal' });
    await expect(new ElectronTransport(bridge(undefined)).invoke('accounts.list', {})).rejects.toMatchObject({
      code: 'internal',
    });
    await expect(
      new ElectronTransport(bridge({ ok: false, error: { code: 'weird', message: 'x' } })).invoke('accounts.list', {}),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('passes contract events to the listener', () => {
    const b = bridge(null);
    const seen: unknown[] = [];
    const off = new ElectronTransport(b).onEvent((name, payload) => seen.push([name, payload]));
    b.emit('account.status', { accountId: 'a', state: 'online' });
    b.emit('evil', {});
    off();
    b.emit('account.status', { accountId: 'a', state: 'offline' });
    expect(seen).toEqual([['account.status', { accountId: 'a', state: 'online' }]]);
  });
});
