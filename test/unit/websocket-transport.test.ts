import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../renderer/transport/transport-error';
import {
  reconnectDelay,
  WebSocketTransport,
  type ConnectionStatus,
} from '../../renderer/transport/websocket-transport';
import { FakeSocket } from '../support/fake-socket';

function setUp() {
  const sockets: FakeSocket[] = [];
  const transport = new WebSocketTransport('ws://127.0.0.1:1/ws', 'tok', {
    createSocket: (url, handlers) => {
      const socket = new FakeSocket(url, handlers);
      sockets.push(socket);
      return socket;
    },
    initialDelayMs: 100,
    maxDelayMs: 1000,
  });
  return { transport, sockets, last: () => sockets.at(-1)! };
}

describe('WebSocketTransport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the token first, then queued calls, and matches answers by id', async () => {
    const { transport, last } = setUp();
    const a = transport.invoke('accounts.list', {});
    const b = transport.invoke('mailboxes.list', {});
    last().handlers.open();
    expect(last().sent).toEqual([{ token: 'tok' }]);
    last().serverSends({ ready: true });
    expect(last().sent.slice(1)).toEqual([
      { id: 1, method: 'accounts.list', input: {} },
      { id: 2, method: 'mailboxes.list', input: {} },
    ]);
    last().serverSends({ id: 2, result: ['boxes'] });
    last().serverSends({ id: 1, result: ['accounts'] });
    expect(await a).toEqual(['accounts']);
    expect(await b).toEqual(['boxes']);
  });

  it('rejects with an Error carrying the contract code and message', async () => {
    const { transport, last } = setUp();
    last().accept();
    const call = transport.invoke('message.body', { id: 9 });
    last().serverSends({ id: 1, error: { code: 'not-found', message: 'The message was deleted.' } });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'not-found', message: 'The message was deleted.' });
  });

  it('fails calls in flight with offline when the socket drops, then reconnects with backoff', async () => {
    const { transport, sockets, last } = setUp();
    const statuses: ConnectionStatus[] = [];
    transport.onStatus((s) => statuses.push(s));
    last().accept();
    const call = transport.invoke('sync.now', {});
    last().handlers.close(1006, '');
    await expect(call).rejects.toMatchObject({ code: 'offline' });
    // while waiting to reconnect, calls fail at once instead of hanging
    await expect(transport.invoke('sync.now', {})).rejects.toMatchObject({ code: 'offline' });
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(130);
    expect(sockets).toHaveLength(2);
    // a failed attempt waits longer before the next one
    last().handlers.close(1006, '');
    await vi.advanceTimersByTimeAsync(130);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(150);
    expect(sockets).toHaveLength(3);
    last().accept();
    const again = transport.invoke('sync.now', {});
    last().serverSends({ id: 3, result: { ok: true } });
    expect(await again).toEqual({ ok: true });
    expect(statuses).toEqual(['connecting', 'online', 'offline', 'connecting', 'offline', 'connecting', 'online']);
  });

  it('keeps event listeners across reconnects and delivers only contract events', async () => {
    const { transport, last } = setUp();
    const seen: unknown[] = [];
    const unsubscribe = transport.onEvent((name, payload) => seen.push([name, payload]));
    last().accept();
    last().serverSends({ event: 'mailboxes.changed', payload: { accountId: 'a' } });
    last().serverSends({ event: 'not.an.event', payload: {} });
    last().handlers.close(1006, '');
    await vi.advanceTimersByTimeAsync(200);
    last().accept();
    last().serverSends({ event: 'mailboxes.changed', payload: { accountId: 'b' } });
    unsubscribe();
    last().serverSends({ event: 'mailboxes.changed', payload: { accountId: 'c' } });
    expect(seen).toEqual([
      ['mailboxes.changed', { accountId: 'a' }],
      ['mailboxes.changed', { accountId: 'b' }],
    ]);
  });

  it('stops retrying when the shell refuses the token', async () => {
    const { transport, sockets, last } = setUp();
    const queued = transport.invoke('accounts.list', {});
    last().handlers.open();
    last().handlers.close(4401, 'unauthorized');
    await expect(queued).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/token/) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(transport.status()).toBe('unauthorized');
    await expect(transport.invoke('accounts.list', {})).rejects.toBeInstanceOf(TransportError);
  });

  it('ignores garbage and answers to unknown ids', async () => {
    const { transport, last } = setUp();
    last().accept();
    const call = transport.invoke('accounts.list', {});
    last().handlers.message('not json');
    last().handlers.message('null');
    last().serverSends({ id: 99, result: 'stray' });
    last().serverSends({ id: 1, result: 'mine' });
    expect(await call).toBe('mine');
  });

  it('close() stops for good and rejects what is pending', async () => {
    const { transport, sockets, last } = setUp();
    last().accept();
    const call = transport.invoke('accounts.list', {});
    transport.close();
    await expect(call).rejects.toMatchObject({ code: 'offline' });
    expect(last().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('reconnectDelay', () => {
  it('doubles from the first delay up to the cap, with jitter', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 10].map((n) => reconnectDelay(n, 250, 10_000, mid))).toEqual([250, 500, 1000, 2000, 10_000]);
    expect(reconnectDelay(0, 1000, 10_000, () => 0)).toBe(800);
    expect(reconnectDelay(0, 1000, 10_000, () => 1)).toBe(1200);
  });
});
