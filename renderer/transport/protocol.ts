// The wire shapes come from shared/wire.ts; this file only declares the preload's global.
import type { MailBridge } from '../../shared/wire';

export { CLOSE_UNAUTHORIZED, WS_PATH } from '../../shared/wire';
export type { InvokeReply, MailBridge, WsServerMessage } from '../../shared/wire';

declare global {
  interface Window {
    /** Present only inside the Electron window. */
    mail?: MailBridge;
  }
}
