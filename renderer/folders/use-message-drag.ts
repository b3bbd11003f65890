// Dragging messages out of the list: the row dragged, or the whole selection when the row is in
// it, with a small picture that says how many ("3 messages") instead of the browser's snapshot
// of one row.
import type { DragEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageHeader } from '../../shared/domain';
import type { MessageWindowStore } from '../message-list/message-window-store';
import type { Selection } from '../message-list/selection';
import { addEmlDownload } from '../message-list/eml-drag';
import { endDrag, startDrag } from './drag-data';

function setDragPicture(transfer: DataTransfer, text: string): void {
  const picture = document.createElement('div');
  picture.className = 'drag-picture';
  picture.textContent = text;
  document.body.append(picture);
  transfer.setDragImage(picture, -12, -12);
  // the browser takes its snapshot synchronously; the element is not needed after this task
  window.setTimeout(() => picture.remove(), 0);
}

export function useMessageDrag(store: MessageWindowStore | null, latestSelection: () => Selection) {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      onDragRow: (header: MessageHeader, event: DragEvent<HTMLDivElement>) => {
        const selection = latestSelection();
        const ids = selection.ids.has(header.id) ? [...selection.ids] : [header.id];
        const accounts = new Set(ids.map((id) => store?.getById(id)?.accountId ?? header.accountId));
        const [only] = accounts;
        startDrag({ kind: 'messages', ids, accountId: accounts.size === 1 ? only! : null }, event.dataTransfer);
        // one message can also be dropped on the desktop as an .eml file (browser shell)
        addEmlDownload(event.dataTransfer, ids);
        setDragPicture(event.dataTransfer, t('folderManagement.dragCount', { count: ids.length }));
      },
      onDragEnd: endDrag,
    }),
    [store, latestSelection, t],
  );
}
