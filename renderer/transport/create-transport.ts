// Picks the transport for where the UI runs: the Electron bridge when the preload put
// window.mail there, else the browser shell's WebSocket on the page's own host.
import type { Transport } from '../../shared/contract';
import { ElectronTransport } from './electron-transport';
import { WS_PATH } from './protocol';
import { WebSocketTransport, type WebSocketTransportOptions } from './websocket-transport';

/** The parts of `window` this needs; tests pass a fake. */
export interface TransportHost {
  mail?: Window['mail'];
  location: Pick<Location, 'protocol' | 'host' | 'pathname' | 'search' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const TOKEN_KEY = 'mail.webShellToken';

/**
 * The shell's token: from the #token= fragment the shell printed (then removed from the
 * address bar, so it does not end up in screenshots or bookmarks), or from this tab's
 * session storage, so a reload keeps working.
 */
export function takeToken(host: TransportHost): string {
  const params = new URLSearchParams(host.location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (fromUrl) {
    params.delete('token');
    const rest = params.toString();
    const visible = host.location.pathname + host.location.search + (rest ? `#${rest}` : '');
    host.history.replaceState(host.history.state, '', visible);
    try {
      host.sessionStorage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage disabled: a reload will need the printed address again
    }
    return fromUrl;
  }
  try {
    return host.sessionStorage?.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function webSocketUrl(location: TransportHost['location']): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATH}`;
}

export function createTransport(host: TransportHost = window, options: WebSocketTransportOptions = {}): Transport {
  if (host.mail) return new ElectronTransport(host.mail);
  return new WebSocketTransport(webSocketUrl(host.location), takeToken(host), options);
}
