// Messages that leave the list (moved or deleted here, on another device, by a filter) leave
// the selection too, so no action is ever taken on a message that is no longer shown.
import type { MailboxId } from '../../shared/domain';
import { type Selection, withoutIds } from '../message-list/selection';
import { useTransportEvent } from './use-transport-event';

export function useDropRemovedFromSelection(
  shows: ReadonlySet<MailboxId>,
  updateSelection: (update: (previous: Selection) => Selection) => void,
): void {
  useTransportEvent('messages.changed', (change) => {
    if (shows.has(change.mailboxId) && change.removed.length > 0)
      updateSelection((previous) => withoutIds(previous, change.removed));
  });
}
