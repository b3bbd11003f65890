// The .eml reading window's state: which file's message is open (or why it could not be), and
// the ways one gets there in the page: the "Open .eml file…" command's file picker and a file
// dropped on the window. The desktop shell's ways (command line, file association) arrive as
// launch requests (app/use-launch-requests.ts) and end in openBytes too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmlMessage } from '../../shared/contract-desktop';
import { useTransport } from '../app/app-services';

export type EmlWindowState =
  { kind: 'closed' } | { kind: 'open'; message: EmlMessage } | { kind: 'failed'; fileName: string; reason: string };

export const EML_ACCEPT = '.eml,message/rfc822';

export function isEmlFile(file: Pick<File, 'name' | 'type'>): boolean {
  return /\.eml$/i.test(file.name) || file.type === 'message/rfc822';
}

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function useEmlWindow() {
  const transport = useTransport();
  const [state, setState] = useState<EmlWindowState>({ kind: 'closed' });

  const openBytes = useCallback(
    async (fileName: string, dataBase64: string) => {
      try {
        setState({ kind: 'open', message: await transport.invoke('eml.parse', { fileName, dataBase64 }) });
      } catch (error) {
        setState({ kind: 'failed', fileName, reason: error instanceof Error ? error.message : String(error) });
      }
    },
    [transport],
  );

  const openFile = useCallback(
    async (file: File) => {
      try {
        await openBytes(file.name, await readAsBase64(file));
      } catch (error) {
        setState({ kind: 'failed', fileName: file.name, reason: String(error) });
      }
    },
    [openBytes],
  );

  // The picker of "Open .eml file…": one hidden input, made when first needed.
  const input = useRef<HTMLInputElement | null>(null);
  const pick = useCallback(() => {
    if (!input.current) {
      const element = document.createElement('input');
      element.type = 'file';
      element.accept = EML_ACCEPT;
      element.addEventListener('change', () => {
        const file = element.files?.[0];
        element.value = '';
        if (file) void openFile(file);
      });
      input.current = element;
    }
    input.current.click();
  }, [openFile]);

  // An .eml dropped anywhere on the window, unless something under it (the composer taking
  // attachments) handled the drop first.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!event.defaultPrevented && hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented || !hasFiles(event)) return;
      event.preventDefault();
      const file = [...(event.dataTransfer?.files ?? [])].find(isEmlFile);
      if (file) void openFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const close = useCallback(() => setState({ kind: 'closed' }), []);
  return { state, openBytes, pick, close };
}
