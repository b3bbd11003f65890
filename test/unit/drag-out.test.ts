import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract';
import { dragOutWay, pressDragHandle, startDragHandle } from '../../renderer/reader-tools/drag-out';

function recordingTransport() {
  const calls: { method: string; input: unknown }[] = [];
  const transport = {
    invoke: (method: string, input: unknown) => {
      calls.push({ method, input });
      return Promise.resolve({ outcome: 'ready' });
    },
    onEvent: () => () => undefined,
  } as unknown as Transport;
  return { transport, calls };
}

describe('the reader’s drag handle', () => {
  it('drags by DownloadURL where the page is served over http, else by the desktop shell’s file', () => {
    expect(dragOutWay({ protocol: 'http:' })).toBe('download-url');
    expect(dragOutWay({ protocol: 'app:' })).toBe('desktop-file');
  });

  it('in the desktop shell: the file is written on press, and the drag handed to the shell at its start', () => {
    const { transport, calls } = recordingTransport();
    pressDragHandle(transport, 42, 'desktop-file');
    expect(calls).toEqual([{ method: 'message.prepareDragFile', input: { id: 42 } }]);
    let prevented = false;
    startDragHandle({ dataTransfer: null, preventDefault: () => (prevented = true) }, transport, 42, 'desktop-file');
    // the page's own drag is cancelled: Electron's drag of the file replaces it
    expect(prevented).toBe(true);
    expect(calls.at(-1)).toEqual({ method: 'message.startDragFile', input: { id: 42 } });
  });

  it('in the browser shell: the page’s drag goes on, carrying no file until a ticket is at hand', () => {
    const { transport, calls } = recordingTransport();
    const set = new Map<string, string>();
    const dataTransfer = { effectAllowed: 'all', setData: (type: string, value: string) => set.set(type, value) };
    let prevented = false;
    startDragHandle(
      { dataTransfer: dataTransfer as unknown as DataTransfer, preventDefault: () => (prevented = true) },
      transport,
      42,
      'download-url',
    );
    expect(prevented).toBe(false);
    expect(dataTransfer.effectAllowed).toBe('copy');
    expect(set.has('DownloadURL')).toBe(false);
    expect(calls).toEqual([]);
  });
});
