// A WebSocket stand-in for the renderer's transports: the test sees what the client sent and
// delivers the server's frames by hand, so reconnects and timing are driven step by step.
import type { SocketHandlers } from '../../renderer/transport/websocket-transport';

/** A socket the test drives by hand: what the client sent, and server frames to deliver. */
export class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  serverSends(message: unknown) {
    this.handlers.message(JSON.stringify(message));
  }
  /** Opens and accepts the token, as the shell does. */
  accept() {
    this.handlers.open();
    this.serverSends({ ready: true });
  }
}
