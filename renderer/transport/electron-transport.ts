// The Transport inside the Electron window: window.mail from the preload, over IPC.
import type { MethodInput, MethodName, MethodResult, Transport } from '../../shared/contract';
import { deliverEvent, type EventListener } from './events';
import type { MailBridge } from './protocol';
import { toTransportError, TransportError } from './transport-error';

export class ElectronTransport implements Transport {
  constructor(private readonly bridge: MailBridge) {}

  async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    let reply;
    try {
      reply = await this.bridge.invoke(method, input);
    } catch (error) {
      // IPC itself failed (main process busy dying, a value that cannot be cloned)
      throw new TransportError({
        code: 'internal',
        message: `The app could not reach the mail engine: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (reply?.ok === true) return reply.result as MethodResult<M>;
    throw toTransportError(reply?.error);
  }

  onEvent(listener: EventListener): () => void {
    return this.bridge.onEvent((name, payload) => deliverEvent([listener], name, payload));
  }
}
