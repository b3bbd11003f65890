// What is being dragged inside the window: messages from the list or a folder from the sidebar.
// During a drag the browser lets a drop target read only the data's types, not the data, so the
// drag itself is also kept here: a folder can then say at once whether it takes the drop (the
// same account, not into itself) and highlight only when it does.
import type { AccountId, Mailbox, MessageId } from '../../shared/domain';
import { isBelow } from './folder-rules';

export const MESSAGES_TYPE = 'application/x-mail-messages';
export const FOLDER_TYPE = 'application/x-mail-folder';

export type Dragged =
  /** `accountId` null: the messages come from several accounts (a unified view) and go nowhere. */
  { kind: 'messages'; ids: MessageId[]; accountId: AccountId | null } | { kind: 'folder'; mailbox: Mailbox };

export type DropTarget = { mailbox: Mailbox } | { accountId: AccountId };

let current: Dragged | null = null;

export function startDrag(dragged: Dragged, transfer: DataTransfer): void {
  current = dragged;
  if (dragged.kind === 'messages') {
    transfer.setData(MESSAGES_TYPE, JSON.stringify(dragged.ids));
    transfer.effectAllowed = 'copyMove';
  } else {
    transfer.setData(FOLDER_TYPE, String(dragged.mailbox.id));
    transfer.effectAllowed = 'move';
  }
}

export function endDrag(): void {
  current = null;
}

export function currentDrag(): Dragged | null {
  return current;
}

/** Ctrl (Windows, Linux) or Alt (macOS's Option) copies messages instead of moving them. */
export function wantsCopy(event: Pick<DragEvent, 'ctrlKey' | 'altKey'>): boolean {
  return event.ctrlKey || event.altKey;
}

/**
 * Whether `target` takes the drag: messages go to another selectable folder of their account;
 * a folder goes under another folder of its account (not itself, not below itself, not where it
 * is already), or to the top level when dropped on its account (`target` null).
 */
export function acceptsDrop(
  dragged: Dragged,
  target: DropTarget,
  protectedFolder: (mailbox: Mailbox) => boolean,
): boolean {
  if (dragged.kind === 'messages') {
    if (!('mailbox' in target)) return false;
    const { mailbox } = target;
    return mailbox.selectable && dragged.accountId === mailbox.accountId;
  }
  const folder = dragged.mailbox;
  if (protectedFolder(folder)) return false;
  if (!('mailbox' in target)) return target.accountId === folder.accountId && folder.parentPath !== null;
  const parent = target.mailbox;
  return (
    parent.accountId === folder.accountId &&
    parent.id !== folder.id &&
    !isBelow(parent, folder) &&
    parent.path !== folder.parentPath
  );
}
