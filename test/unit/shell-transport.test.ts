import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createTransport,
  takeToken,
  webSocketUrl,
  type TransportHost,
} from '../../renderer/transport/create-transport';
import { ElectronTransport } from '../../renderer/transport/electron-transport';
import type { MailBridge } from '../../renderer/transport/protocol';
import { TransportError } from '../../renderer/transport/transport-error';
import {
  reconnectDelay,
  WebSocketTransport,
  type ConnectionStatus,
  type SocketHandlers,
} from '../../renderer/transport/websocket-transport';

/** A socket the test drives by hand: what the client sent, and server frames to deliver. */
class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  serverSends(message: unknown) {
    this.handlers.message(JSON.stringify(message));
  }
  /** Opens and accepts the token, as the shell does. */
  accept() {
    this.handlers.open();
    this.serverSends({ ready: true });
  }
}

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

describe('createTransport', () => {
  function host(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [['mail.webShellToken', stored]] : []);
    const replaceState = vi.fn();
    const h: TransportHost = {
      location: { protocol: 'http:', host: '127.0.0.1:4567', pathname: '/', search: '?x=1', hash },
      history: { replaceState, state: { s: 1 } },
      sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    };
    return { h, replaceState, storage };
  }

  it('uses the Electron bridge when the preload exposed it', () => {
    const { h } = host('');
    h.mail = { invoke: vi.fn(), onEvent: vi.fn() };
    expect(createTransport(h)).toBeInstanceOf(ElectronTransport);
  });

  it('takes the token from #token= and removes it from the address bar', () => {
    const { h, replaceState, storage } = host('#token=abc-123_x');
    expect(takeToken(h)).toBe('abc-123_x');
    expect(replaceState).toHaveBeenCalledWith({ s: 1 }, '', '/?x=1');
    expect(storage.get('mail.webShellToken')).toBe('abc-123_x');
  });

  it('keeps other fragment parameters', () => {
    const { h, replaceState } = host('#token=t&view=inbox');
    expect(takeToken(h)).toBe('t');
    expect(replaceState).toHaveBeenCalledWith({ s: 1 }, '', '/?x=1#view=inbox');
  });

  it('after a reload, finds the token in this tab’s session storage', () => {
    const { h, replaceState } = host('', 'stored');
    expect(takeToken(h)).toBe('stored');
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('connects to /ws on the page’s own host', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4567', pathname: '/', search: '', hash: '' })).toBe(
      'ws://127.0.0.1:4567/ws',
    );
    expect(webSocketUrl({ protocol: 'https:', host: 'x:1', pathname: '/', search: '', hash: '' })).toBe('wss://x:1/ws');
  });

  it('otherwise opens a WebSocketTransport with that token', () => {
    const { h } = host('#token=zzz');
    const urls: string[] = [];
    const sockets: FakeSocket[] = [];
    const transport = createTransport(h, {
      createSocket: (url, handlers) => {
        urls.push(url);
        const s = new FakeSocket(url, handlers);
        sockets.push(s);
        return s;
      },
    });
    expect(transport).toBeInstanceOf(WebSocketTransport);
    sockets[0]!.handlers.open();
    expect(urls).toEqual(['ws://127.0.0.1:4567/ws']);
    expect(sockets[0]!.sent).toEqual([{ token: 'zzz' }]);
    (transport as WebSocketTransport).close();
  });
});
