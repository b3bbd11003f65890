// Undo, wired to the list on screen: restored flags show at once in its rows, and messages
// moved back into a folder it shows come back selected, as in Apple Mail.
import type { MailboxId } from '../../shared/domain';
import type { MessageWindowStore } from '../message-list/message-window-store';
import type { Selection } from '../message-list/selection';
import { type UndoController, useUndo } from '../undo/use-undo';

export function useListUndo(
  store: MessageWindowStore | null,
  shows: ReadonlySet<MailboxId>,
  changeSelection: (next: Selection) => void,
  /**
   * The list shows conversations: of the messages moved back, only the newest is a row (its
   * conversation's), so that one alone comes back selected.
   */
  conversations = false,
): UndoController {
  return useUndo({
    patchFlags: (restore) =>
      store?.patch(restore.ids, (row) => ({
        ...row,
        flags: {
          ...row.flags,
          ...(restore.seen !== undefined ? { seen: restore.seen } : {}),
          ...(restore.flagged !== undefined ? { flagged: restore.flagged } : {}),
        },
      })),
    restored: (entry) => {
      if (entry.kind !== 'move') return;
      const moved = entry.moves.filter((move) => shows.has(move.toMailboxId)).flatMap((move) => move.ids);
      // a conversation's members come newest first (conversations.members)
      const here = conversations ? moved.slice(0, 1) : moved;
      if (here.length > 0)
        changeSelection({ ids: new Set(here), currentId: here[0]!, anchorIndex: null, kept: here.length > 1 });
    },
  });
}
