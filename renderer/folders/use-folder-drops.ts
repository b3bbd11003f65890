// What a drop on the sidebar does: messages move to the folder (with undo, like any move) or,
// with Ctrl or Alt held, are copied there; a folder dropped on another becomes its subfolder,
// and dropped on its account goes to the top level.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId, Mailbox, MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { type DropTarget, acceptsDrop, currentDrag, endDrag, startDrag } from './drag-data';
import { isProtectedFolder } from './folder-rules';

export interface FolderDrops {
  accepts: (target: DropTarget) => boolean;
  drop: (target: DropTarget, copy: boolean) => void;
  dragFolder: (mailbox: Mailbox, transfer: DataTransfer) => void;
  canDragFolder: (mailbox: Mailbox) => boolean;
}

export function useFolderDrops(
  mailboxes: readonly Mailbox[],
  moveMessages: (ids: MessageId[], to: Mailbox) => void,
  reportFailure: (accountId: AccountId, message: string) => void,
): FolderDrops {
  const { t } = useTranslation();
  const transport = useTransport();
  return useMemo(() => {
    const protectedFolder = (mailbox: Mailbox) => isProtectedFolder(mailbox, mailboxes);
    const fail = (accountId: AccountId, action: string) => (error: unknown) =>
      reportFailure(
        accountId,
        t('toolbar.actionFailed', { action, reason: errorMessage(error, t) ?? t('common.unknownError') }),
      );
    return {
      accepts: (target) => {
        const dragged = currentDrag();
        return dragged !== null && acceptsDrop(dragged, target, protectedFolder);
      },
      drop: (target, copy) => {
        const dragged = currentDrag();
        endDrag();
        if (!dragged || !acceptsDrop(dragged, target, protectedFolder)) return;
        if (dragged.kind === 'folder') {
          const parentId = 'mailbox' in target ? target.mailbox.id : null;
          void transport
            .invoke('folders.move', { mailboxId: dragged.mailbox.id, parentId })
            .catch(fail(dragged.mailbox.accountId, t('actions.moveFolder')));
          return;
        }
        if (!('mailbox' in target)) return;
        if (copy)
          void transport
            .invoke('messages.copy', { ids: dragged.ids, toMailboxId: target.mailbox.id })
            .catch(fail(target.mailbox.accountId, t('folderManagement.copy')));
        else moveMessages(dragged.ids, target.mailbox);
      },
      dragFolder: (mailbox, transfer) => startDrag({ kind: 'folder', mailbox }, transfer),
      canDragFolder: (mailbox) => !protectedFolder(mailbox),
    };
  }, [mailboxes, moveMessages, reportFailure, transport, t]);
}
