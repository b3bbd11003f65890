// The two IPC channels between preload and main, and the reply shape of an invoke. Kept apart
// from ipc.ts because the sandboxed preload bundles it: no Node, no service code in here.

export const INVOKE_CHANNEL = 'mail:invoke';
export const EVENT_CHANNEL = 'mail:event';

/** An invoke's answer travels as data (shared/wire.ts): IPC drops an Error's code. */
export type { InvokeReply } from '../../shared/wire';
