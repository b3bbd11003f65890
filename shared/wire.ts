// How contract calls and events travel between the renderer and the two shells. The renderer
// and the shells both import these shapes from here, so the two ends cannot drift apart.
import type { ContractError } from './contract';

/** The answer of an IPC invoke: errors travel as data, since IPC drops an Error's code. */
export type InvokeReply = { ok: true; result: unknown } | { ok: false; error: ContractError };

/** What the Electron preload exposes as window.mail: exactly these two functions. */
export interface MailBridge {
  invoke(method: string, input: unknown): Promise<InvokeReply>;
  onEvent(callback: (name: string, payload: unknown) => void): () => void;
}

// The browser shell's WebSocket protocol:
//   client → server   {token}                  first message, unless ?token= was in the URL
//                     {id, method, input}      a contract call
//   server → client   {ready: true}            the token was accepted
//                     {id, result} | {id, error: {code, message}}
//                     {event, payload}         a contract event
export const WS_PATH = '/ws';
/** The browser shell closes the socket with this code when the token is wrong or missing. */
export const CLOSE_UNAUTHORIZED = 4401;

export type RequestId = string | number;

export type WsServerMessage =
  | { ready: true }
  | { id: RequestId | null; result: unknown }
  | { id: RequestId | null; error: ContractError }
  | { event: string; payload: unknown };
