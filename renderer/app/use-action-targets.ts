// The messages an action applies to and the facts the toolbar and the commands need about them.
// In a unified view they may come from several accounts' folders: the folder they all are in
// (when they share one) stands in for "the folder on screen" (move targets, Junk, archive);
// when they are in several, there is none, and moving is not offered.
import { useMemo } from 'react';
import type { Mailbox, MailboxId, MessageHeader, MessageId } from '../../shared/domain';
import { conversationOf } from '../message-list/conversation-row';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { type Selection, actionTargets } from '../message-list/selection';

const NO_MAILBOXES: Mailbox[] = [];

export interface ActionTargets {
  targets: MessageId[];
  /** The folder the targets are in: the one on screen, or the one they share in a unified view. */
  actionFolder: Mailbox | null;
  allStarred: boolean;
  allRead: boolean;
  /** Move choices: that folder's account's folders (none when the targets span accounts). */
  moveChoices: Mailbox[];
}

/** The one value every item has, or null when they differ (or there are none). */
function sharedValue<T>(items: readonly T[]): T | null {
  const values = new Set(items);
  const [only] = values;
  return values.size === 1 ? (only ?? null) : null;
}

export function useActionTargets(
  selection: Selection,
  store: MessageWindowStore | null,
  mailbox: Mailbox | null,
  mailboxes: readonly Mailbox[] | null,
): ActionTargets {
  const targets = actionTargets(selection);
  const targetHeaders = targets
    .map((id) => store?.getById(id))
    .filter((row): row is MessageHeader => row !== undefined);
  const sharedFolderId: MailboxId | null = sharedValue(targetHeaders.map((row) => row.mailboxId));
  // Not memoized: find() hands back the same object for as long as the folder list is the same.
  const actionFolder =
    mailbox || !mailboxes || sharedFolderId === null
      ? mailbox
      : (mailboxes.find((item) => item.id === sharedFolderId) ?? null);

  const moveAccountId = actionFolder?.accountId;
  const moveChoices = useMemo(
    () => mailboxes?.filter((item) => item.accountId === moveAccountId) ?? NO_MAILBOXES,
    [mailboxes, moveAccountId],
  );

  return {
    targets,
    actionFolder,
    // a conversation row is starred or read as a whole (what it shows, and what s or Shift+I changes)
    allStarred:
      targetHeaders.length > 0 && targetHeaders.every((row) => conversationOf(row)?.flagged ?? row.flags.flagged),
    allRead:
      targetHeaders.length > 0 &&
      targetHeaders.every((row) => {
        const conversation = conversationOf(row);
        return conversation ? conversation.unread === 0 : row.flags.seen;
      }),
    moveChoices,
  };
}
