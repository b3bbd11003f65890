// The Transport in a browser tab: the browser shell's WebSocket (electron/shell/ws-bridge.ts).
// It authenticates with the token as its first message, matches answers to calls by id, and
// when the socket drops it fails the calls in flight with 'offline' and reconnects with
// backoff. Event listeners are kept here, so they survive reconnects: the shell pushes every
// event to every authenticated socket, there is nothing to re-subscribe on the server.
import type { MethodInput, MethodName, MethodResult, Transport } from '../../shared/contract';
import { deliverEvent, type EventListener } from './events';
import { CLOSE_UNAUTHORIZED, type WsServerMessage } from './protocol';
import { offlineError, toTransportError, type TransportError } from './transport-error';

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number, reason: string): void;
}

export interface SocketConnection {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a socket; injectable so tests can use the `ws` package or a fake. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketConnection;

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.open();
  ws.onmessage = (event) => handlers.message(typeof event.data === 'string' ? event.data : '');
  ws.onclose = (event) => handlers.close(event.code, event.reason);
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  };
};

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface WebSocketTransportOptions {
  createSocket?: SocketFactory;
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Exponential backoff with ±20 % jitter, so many tabs do not reconnect in lock-step. */
export function reconnectDelay(attempt: number, initialMs = 250, maxMs = 10_000, random = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface Call {
  id: number;
  method: string;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type State = 'connecting' | 'authenticating' | 'ready' | 'waiting' | 'unauthorized' | 'closed';

export class WebSocketTransport implements Transport {
  private readonly createSocket: SocketFactory;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private socket: SocketConnection | null = null;
  private state: State = 'connecting';
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  /** Sent on the current socket, waiting for an answer. */
  private readonly inFlight = new Map<number, Call>();
  /** Made while (re)connecting; sent once the token is accepted. */
  private queued: Call[] = [];
  private readonly listeners = new Set<EventListener>();
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();

  constructor(
    private readonly url: string,
    private readonly token: string,
    options: WebSocketTransportOptions = {},
  ) {
    this.createSocket = options.createSocket ?? browserSocketFactory;
    this.initialDelayMs = options.initialDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.connect();
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    return new Promise<MethodResult<M>>((resolve, reject) => {
      const call: Call = { id: this.nextId++, method, input, resolve: resolve as (v: unknown) => void, reject };
      switch (this.state) {
        case 'ready':
          return this.send(call);
        case 'connecting':
        case 'authenticating':
          this.queued.push(call);
          return;
        case 'waiting':
          return reject(offlineError('The mail engine is not reachable; the app keeps trying to reconnect.'));
        case 'unauthorized':
          return reject(unauthorizedError());
        case 'closed':
          return reject(offlineError('The connection to the mail engine was closed.'));
      }
    });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connection changes, for the status line; called at once with the current status. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status());
    return () => this.statusListeners.delete(listener);
  }

  status(): ConnectionStatus {
    switch (this.state) {
      case 'ready':
        return 'online';
      case 'connecting':
      case 'authenticating':
        return 'connecting';
      case 'unauthorized':
        return 'unauthorized';
      default:
        return 'offline';
    }
  }

  /** Stops for good (page unload, tests). */
  close(): void {
    clearTimeout(this.timer);
    this.setState('closed');
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'closed by the app');
    this.failAll(offlineError('The connection to the mail engine was closed.'));
  }

  private connect(): void {
    this.setState('connecting');
    // each socket gets its own handlers; events of a socket already replaced are ignored
    const socket: SocketConnection = this.createSocket(this.url, {
      open: () => {
        if (this.socket !== socket) return;
        this.setState('authenticating');
        socket.send(JSON.stringify({ token: this.token }));
      },
      message: (data) => {
        if (this.socket === socket) this.receive(data);
      },
      close: (code) => {
        if (this.socket === socket) this.dropped(code);
      },
    });
    this.socket = socket;
  }

  private receive(data: string): void {
    let message: WsServerMessage;
    try {
      message = JSON.parse(data) as WsServerMessage;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if ('ready' in message) {
      this.attempt = 0;
      this.setState('ready');
      const queued = this.queued;
      this.queued = [];
      for (const call of queued) this.send(call);
    } else if ('event' in message) {
      deliverEvent(this.listeners, message.event, message.payload);
    } else if ('id' in message && typeof message.id === 'number') {
      const call = this.inFlight.get(message.id);
      if (!call) return;
      this.inFlight.delete(message.id);
      if ('error' in message) call.reject(toTransportError(message.error));
      else call.resolve(message.result);
    }
  }

  private send(call: Call): void {
    this.inFlight.set(call.id, call);
    try {
      this.socket?.send(JSON.stringify({ id: call.id, method: call.method, input: call.input }));
    } catch (error) {
      // e.g. an input that cannot be serialised: only this call fails
      this.inFlight.delete(call.id);
      call.reject(toTransportError({ code: 'invalid-input', message: String(error) }));
    }
  }

  private dropped(code: number): void {
    this.socket = null;
    if (code === CLOSE_UNAUTHORIZED) {
      // a wrong token stays wrong: retrying would only hammer the shell
      this.setState('unauthorized');
      this.failAll(unauthorizedError());
      return;
    }
    this.failAll(offlineError('The connection to the mail engine was lost; the app is reconnecting.'));
    if (this.state === 'closed') return;
    this.setState('waiting');
    const delay = reconnectDelay(this.attempt++, this.initialDelayMs, this.maxDelayMs);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private failAll(error: TransportError): void {
    const calls = [...this.inFlight.values(), ...this.queued];
    this.inFlight.clear();
    this.queued = [];
    for (const call of calls) call.reject(error);
  }

  private setState(state: State): void {
    const before = this.status();
    this.state = state;
    const after = this.status();
    if (after !== before) for (const listener of this.statusListeners) listener(after);
  }
}

function unauthorizedError(): TransportError {
  return offlineError('The browser shell refused this page’s token: open the address `npm run web` printed.');
}
