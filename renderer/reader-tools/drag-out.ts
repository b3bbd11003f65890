// The reader's drag handle: the open message dragged out of the app becomes an .eml file. The
// browser shell's Chromium does that for a drag carrying a DownloadURL, the same one-use ticket a
// list row's drag carries (message-list/eml-drag.ts). The desktop shell serves no such URL, and
// Electron's own file drag replaces the page's drag, which is why only this handle uses it, never
// a row (rows drag onto folders): pressing the handle has the shell write the file, and the
// drag's start is cancelled in the page and handed to the shell (shared/contract-eml-drag.ts).
import type { Transport } from '../../shared/contract';
import type { MessageId } from '../../shared/domain';
import { addEmlDownload, prepareEmlDrag, servesEmlDrag } from '../message-list/eml-drag';

export type DragOutWay = 'download-url' | 'desktop-file';

export function dragOutWay(location: Pick<Location, 'protocol'>): DragOutWay {
  return servesEmlDrag(location) ? 'download-url' : 'desktop-file';
}

/** On pressing the handle: what the drag will carry is made ready before it starts. */
export function pressDragHandle(transport: Transport, id: MessageId, way: DragOutWay): void {
  if (way === 'download-url') prepareEmlDrag(transport, id);
  // no file: the handle drags nothing, and "Save as .eml" stays the way out
  else transport.invoke('message.prepareDragFile', { id }).catch(() => undefined);
}

/** On the drag's start. */
export function startDragHandle(
  event: { dataTransfer: DataTransfer | null; preventDefault(): void },
  transport: Transport,
  id: MessageId,
  way: DragOutWay,
): void {
  if (way === 'download-url') {
    if (!event.dataTransfer) return;
    event.dataTransfer.effectAllowed = 'copy';
    addEmlDownload(event.dataTransfer, [id]);
    return;
  }
  // the shell's drag of the file takes over from the page's
  event.preventDefault();
  transport.invoke('message.startDragFile', { id }).catch(() => undefined);
}
