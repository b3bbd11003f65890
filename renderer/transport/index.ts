// The renderer's way to the mail engine: call createTransport() once and pass the result down.
export { createTransport, type TransportHost } from './create-transport';
export { ElectronTransport } from './electron-transport';
export { WebSocketTransport, type ConnectionStatus } from './websocket-transport';
export { TransportError } from './transport-error';
export type { MailBridge, InvokeReply } from './protocol';
