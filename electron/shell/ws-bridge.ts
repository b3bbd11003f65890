// The browser shell's WebSocket endpoint: the same MailService the Electron window gets over
// IPC, behind a token (only whoever can read the shell's stdout gets in) and an Origin check
// (a web page in the user's browser cannot talk to it). Nothing is served before both pass.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isMethodName } from '../../shared/contract';
import { COMPOSE_LIMITS } from '../../shared/compose';
import type { MailService } from '../core/service-api';
import { toContractError } from './errors';
import { isAllowedHostHeader, isAllowedOrigin } from './loopback';
import { createPreauthGate, MAX_PREAUTH_BYTES, MAX_PREAUTH_SOCKETS } from './ws-preauth';
import {
  CLOSE_GOING_AWAY,
  CLOSE_UNAUTHORIZED,
  parseClientMessage,
  WS_PATH,
  type RequestId,
  type ServerMessage,
} from './ws-protocol';

export interface WsBridgeOptions {
  service: Pick<MailService, 'call' | 'onEvent'>;
  token: string;
  hosts: () => readonly string[];
  /** How long a client has to send its token when it did not put it in the URL. */
  authTimeoutMs?: number;
  /** Bytes a client may send before its token (default MAX_PREAUTH_BYTES). */
  maxPreauthBytes?: number;
  /** Sockets that may wait for their token at once (default MAX_PREAUTH_SOCKETS). */
  maxPreauthSockets?: number;
}

/** Constant-time, so the token cannot be guessed byte by byte from response timing. */
export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface WsBridge {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/** The largest message composed (base64 is 4/3 of the bytes) plus room for the JSON around it. */
export const MAX_FRAME_BYTES = Math.ceil(COMPOSE_LIMITS.messageBytes / 3) * 4 + 1024 * 1024;

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  // A draft's new attachments travel base64 in one request (drafts.save, outbox.send), and an
  // attachment comes back base64 in a result: room for the largest message the composer allows.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const authenticated = new Set<WebSocket>();
  const preauth = createPreauthGate(
    options.maxPreauthBytes ?? MAX_PREAUTH_BYTES,
    options.maxPreauthSockets ?? MAX_PREAUTH_SOCKETS,
  );
  const rawSocket = new WeakMap<WebSocket, Duplex>();

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const unsubscribe = options.service.onEvent((event, payload) => {
    for (const ws of authenticated) send(ws, { event, payload });
  });

  async function answer(ws: WebSocket, id: RequestId, method: unknown, input: unknown): Promise<void> {
    if (!isMethodName(method)) {
      send(ws, { id, error: { code: 'invalid-input', message: `There is no method called ${String(method)}.` } });
      return;
    }
    try {
      send(ws, { id, result: await options.service.call(method, input) });
    } catch (error) {
      send(ws, { id, error: toContractError(error) });
    }
  }

  function accept(ws: WebSocket): void {
    const socket = rawSocket.get(ws);
    if (socket) preauth.authenticated(socket);
    authenticated.add(ws);
    send(ws, { ready: true });
  }

  function onConnection(ws: WebSocket, urlToken: string | null): void {
    let timer: NodeJS.Timeout | undefined;
    ws.on('close', () => {
      clearTimeout(timer);
      authenticated.delete(ws);
    });
    // a broken socket is closed by ws itself; without a listener the error would crash the shell
    ws.on('error', () => authenticated.delete(ws));
    if (urlToken !== null) {
      if (!tokenMatches(options.token, urlToken)) return ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      accept(ws);
    } else {
      timer = setTimeout(() => ws.close(CLOSE_UNAUTHORIZED, 'unauthorized'), options.authTimeoutMs ?? 10_000);
    }
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const message = isBinary ? null : parseClientMessage(data.toString());
      if (!authenticated.has(ws)) {
        clearTimeout(timer);
        if (message?.kind === 'auth' && tokenMatches(options.token, message.token)) accept(ws);
        else ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        return;
      }
      if (!message || message.kind === 'auth') return;
      if (message.kind === 'invalid') {
        send(ws, { id: message.id, error: { code: 'invalid-input', message: message.reason } });
        return;
      }
      void answer(ws, message.id, message.method, message.input);
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://shell');
      } catch {
        return refuseUpgrade(socket, '400 Bad Request');
      }
      const hosts = options.hosts();
      if (url.pathname !== WS_PATH) return refuseUpgrade(socket, '404 Not Found');
      if (!isAllowedHostHeader(req.headers.host, hosts)) return refuseUpgrade(socket, '421 Misdirected Request');
      if (!isAllowedOrigin(req.headers.origin, hosts)) return refuseUpgrade(socket, '403 Forbidden');
      if (!preauth.admit(socket, head)) return refuseUpgrade(socket, '503 Service Unavailable');
      const urlToken = url.searchParams.get('token');
      wss.handleUpgrade(req, socket, head, (ws) => {
        rawSocket.set(ws, socket);
        onConnection(ws, urlToken);
      });
    },
    async close() {
      unsubscribe();
      const clients = [...wss.clients];
      for (const ws of clients) ws.close(CLOSE_GOING_AWAY, 'shutting down');
      // a client that does not answer the close handshake must not hold up the exit
      const closed = clients.map((ws) =>
        ws.readyState === ws.CLOSED ? Promise.resolve() : new Promise<void>((r) => ws.once('close', () => r())),
      );
      const timeout = new Promise<void>((r) => setTimeout(r, 1000).unref());
      await Promise.race([Promise.all(closed), timeout]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}
