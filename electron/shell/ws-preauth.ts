// Limits on WebSocket clients that have not shown the token yet. The server's frame limit has
// to admit a whole composed message (over 100 MB) for clients that are in; without these, any
// local process could make the shell buffer that much per socket, on as many sockets as it
// likes, before a single byte of it is checked.
import type { Duplex } from 'node:stream';

/** Bytes a client may send before it is authenticated: the token frame is under 200. */
export const MAX_PREAUTH_BYTES = 16 * 1024;
/** Sockets that may wait for their token at once; the app's own page needs one. */
export const MAX_PREAUTH_SOCKETS = 8;

export interface PreauthGate {
  /** Takes a slot for a new socket, or returns false when all slots are taken. */
  admit(socket: Duplex, head: Buffer): boolean;
  /** The client showed the token: its bytes stop counting and its slot is free again. */
  authenticated(socket: Duplex): void;
}

export function createPreauthGate(
  maxBytes: number = MAX_PREAUTH_BYTES,
  maxSockets: number = MAX_PREAUTH_SOCKETS,
): PreauthGate {
  const waiting = new Map<Duplex, () => void>();

  return {
    admit(socket, head) {
      if (waiting.size >= maxSockets) return false;
      let received = head.length;
      // ws reads the same stream; this listener only counts, and cuts the socket the moment the
      // count passes the limit, long before ws would have the (declared) frame complete
      const count = (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) socket.destroy();
      };
      const release = () => {
        socket.off('data', count);
        socket.off('close', release);
        waiting.delete(socket);
      };
      waiting.set(socket, release);
      socket.on('data', count);
      socket.on('close', release);
      if (received > maxBytes) socket.destroy();
      return true;
    },
    authenticated(socket) {
      waiting.get(socket)?.();
    },
  };
}
