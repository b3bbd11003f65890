// Reading the browser shell's WebSocket frames without trusting them. The shapes themselves
// are in shared/wire.ts, shared with the renderer's WebSocketTransport. A wrong or missing
// token closes the socket with CLOSE_UNAUTHORIZED before anything is served.
import type { RequestId, WsServerMessage } from '../../shared/wire';

export { CLOSE_UNAUTHORIZED, WS_PATH } from '../../shared/wire';
export type { RequestId } from '../../shared/wire';
export const CLOSE_GOING_AWAY = 1001;

export type ClientMessage =
  | { kind: 'auth'; token: string }
  | { kind: 'call'; id: RequestId; method: unknown; input: unknown }
  | { kind: 'invalid'; id: RequestId | null; reason: string };

export type ServerMessage = WsServerMessage;

function isRequestId(id: unknown): id is RequestId {
  return (typeof id === 'string' && id.length <= 100) || (typeof id === 'number' && Number.isFinite(id));
}

/** Reads one frame from a client without trusting any of it. */
export function parseClientMessage(data: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { kind: 'invalid', id: null, reason: 'The message is not JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', id: null, reason: 'The message is not an object.' };
  }
  const m = value as Record<string, unknown>;
  if (typeof m.token === 'string' && !('method' in m)) return { kind: 'auth', token: m.token };
  const id = isRequestId(m.id) ? m.id : null;
  if (id === null) return { kind: 'invalid', id: null, reason: 'The message has no usable id.' };
  if (!('method' in m)) return { kind: 'invalid', id, reason: 'The message names no method.' };
  return { kind: 'call', id, method: m.method, input: m.input };
}
