// Connects the renderer's invoke/onEvent (preload.ts) to the mail service. Every call is
// checked twice before it reaches the core: the sending frame must be our UI and the method
// must be in the contract; the core then validates the input against the contract's schema.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isMethodName } from '../../shared/contract';
import type { Disposable } from '../core/lifecycle';
import type { MailService } from '../core/service-api';
import { toContractError } from './errors';
import { isTrustedSender } from './guards';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeReply } from './ipc-channels';

/** Answers one invoke; never throws, so the renderer always gets a ContractError shape. */
export async function answerInvoke(
  service: Pick<MailService, 'call'>,
  method: unknown,
  input: unknown,
): Promise<InvokeReply> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'invalid-input', message: `There is no method called ${String(method)}.` } };
  }
  try {
    return { ok: true, result: await service.call(method, input) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}

/**
 * Whether an invoke comes from our UI: the top frame of one of our windows, showing app://.
 * The message body iframe (about:srcdoc) and any other page are refused.
 */
export function isTrustedInvoke(event: IpcMainInvokeEvent, isOurWindow: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOurWindow(event.sender) && isTrustedSender(frame.url);
}

export interface IpcWiring extends Disposable {
  /** Removes the handler and the event subscription (at quit). */
  dispose(): void;
}

export function wireIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  service: Pick<MailService, 'call' | 'onEvent'>,
  windows: { isOurWindow(contents: WebContents): boolean; all(): WebContents[] },
): IpcWiring {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown): Promise<InvokeReply> => {
    if (!isTrustedInvoke(event, windows.isOurWindow)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: 'This page may not use the mail service.' },
      });
    }
    return answerInvoke(service, method, input);
  });
  const unsubscribe = service.onEvent((name, payload) => {
    for (const contents of windows.all()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
  return {
    dispose() {
      ipcMain.removeHandler(INVOKE_CHANNEL);
      unsubscribe();
    },
  };
}
