import { describe, expect, it, vi } from 'vitest';
import {
  createTransport,
  takeToken,
  webSocketUrl,
  type TransportHost,
} from '../../renderer/transport/create-transport';
import { ElectronTransport } from '../../renderer/transport/electron-transport';
import { WebSocketTransport } from '../../renderer/transport/websocket-transport';
import { FakeSocket } from '../support/fake-socket';

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
