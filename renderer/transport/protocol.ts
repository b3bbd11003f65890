// What the renderer receives from each shell, as data. renderer/ may import only shared/, so
// these mirror the shells' side (electron/shell/ipc-channels.ts and ws-protocol.ts): keep
// them in step.
import type { ContractError } from '../../shared/contract';

/** The answer of window.mail.invoke: errors arrive as data because IPC drops an Error's code. */
export type InvokeReply = { ok: true; result: unknown } | { ok: false; error: ContractError };

/** What the preload exposes as window.mail (electron/preload.ts): exactly these two. */
export interface MailBridge {
  invoke(method: string, input: unknown): Promise<InvokeReply>;
  onEvent(callback: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window. */
    mail?: MailBridge;
  }
}

/** The browser shell closes the socket with this code when the token is wrong or missing. */
export const CLOSE_UNAUTHORIZED = 4401;
export const WS_PATH = '/ws';

export type WsServerMessage =
  | { ready: true }
  | { id: number | string | null; result: unknown }
  | { id: number | string | null; error: ContractError }
  | { event: string; payload: unknown };
