// The sandboxed preload: the renderer's only door to the main process. It exposes exactly two
// functions (docs/security.md): invoke(method, input) and onEvent(callback) → unsubscribe. Neither
// hands the page ipcRenderer or an IPC event object, so the page cannot send on other channels.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type InvokeReply } from './shell/ipc-channels';

type EventCallback = (name: string, payload: unknown) => void;

const bridge = {
  invoke(method: string, input: unknown): Promise<InvokeReply> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<InvokeReply>;
  },
  onEvent(callback: EventCallback): () => void {
    if (typeof callback !== 'function') throw new TypeError('onEvent needs a function.');
    const listener = (_event: IpcRendererEvent, name: string, payload: unknown) => callback(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('mail', bridge);
