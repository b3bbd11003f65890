// The browser shell's WebSocket protocol, as data. The renderer's WebSocketTransport speaks
// the same shapes (renderer/transport/ws-protocol.ts; renderer/ may not import electron/).
//
//   client → server   {token}                  first message, unless ?token= was in the URL
//                     {id, method, input}      a contract call
//   server → client   {ready: true}            the token was accepted
//                     {id, result} | {id, error: {code, message}}
//                     {event, payload}         a contract event
//
// A wrong or missing token closes the socket with UNAUTHORIZED before anything is served.
import type { ContractError } from '../../shared/contract';

export const WS_PATH = '/ws';
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_GOING_AWAY = 1001;

export type RequestId = string | number;

export type ClientMessage =
  | { kind: 'auth'; token: string }
  | { kind: 'call'; id: RequestId; method: unknown; input: unknown }
  | { kind: 'invalid'; id: RequestId | null; reason: string };

export type ServerMessage =
  | { ready: true }
  | { id: RequestId | null; result: unknown }
  | { id: RequestId | null; error: ContractError }
  | { event: string; payload: unknown };

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
