// The two IPC channels between preload and main, and the reply shape of an invoke. Kept apart
// from ipc.ts because the sandboxed preload bundles it: no Node, no service code in here.
import type { ContractError } from '../../shared/contract';

export const INVOKE_CHANNEL = 'mail:invoke';
export const EVENT_CHANNEL = 'mail:event';

/**
 * An invoke's answer travels as data: an Error thrown across IPC and contextBridge arrives
 * as a bare message, and the renderer needs the code to decide what to show. The renderer's
 * ElectronTransport reads the same shape (renderer/transport/bridge.ts).
 */
export type InvokeReply = { ok: true; result: unknown } | { ok: false; error: ContractError };
