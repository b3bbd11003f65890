// The toolbar's, the keymap's and the palette's actions as `messages.*` calls. Flags change on
// screen at once (the core confirms with 'messages.changed'); messages that leave the folder
// hand the selection to their neighbour before they go. Each action that can be taken back
// records its inverse for undo; deleting from Trash is final and says so.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId, Mailbox, MessageHeader, MessageId } from '../../shared/domain';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { type Selection, selectionAfterRemoval } from '../message-list/selection';
import { withConversationFlags } from '../message-list/conversation-row';
import { effectiveRole } from '../sidebar/folder-tree';
import { folderDisplayName } from '../sidebar/folder-name';
import {
  type FlagChange,
  type MoveVerb,
  type UndoEntry,
  flagRestoreGroups,
  flagVerb,
  moveBackGroups,
} from '../undo/undo-model';
import { useTransport } from './app-services';
import { errorMessage } from './error-message';

export type { FlagChange };

interface ActionContext {
  store: MessageWindowStore | null;
  /** The folder on screen: the messages acted on are in it. */
  mailbox: Mailbox | null;
  /** Every account's folders (to find the Junk folder). */
  mailboxes: readonly Mailbox[];
  setSelection: (selection: Selection) => void;
  reportFailure: (accountId: AccountId, message: string) => void;
  undo: { record: (entry: UndoEntry) => void; permanent: (count: number) => void };
  /**
   * Runs before every change: it sends the open message's mark-read (use-mark-read-on-open.ts),
   * should it still be waiting for its frame, so it reaches the core before what the user does
   * and never after (a read landing after "mark unread" would undo it; after a move, it would
   * miss the server).
   */
  beforeChange?: () => void;
  /**
   * In conversation mode: the messages the given rows stand for (each row's whole conversation
   * in its folder). An action asked for by the user applies to those; undo puts those back.
   */
  expand?: ((ids: readonly MessageId[]) => Promise<MessageHeader[]>) | null;
}

export function useMessageActions({
  store,
  mailbox,
  mailboxes,
  setSelection,
  reportFailure,
  undo,
  beforeChange,
  expand,
}: ActionContext) {
  const { t } = useTranslation();
  const transport = useTransport();
  const accountId = mailbox?.accountId ?? null;

  const fail = useCallback(
    (action: string, error: unknown) => {
      reportFailure(
        accountId ?? '',
        t('toolbar.actionFailed', { action, reason: errorMessage(error, t) ?? t('common.unknownError') }),
      );
      void store?.invalidate();
    },
    [accountId, reportFailure, store, t],
  );

  const rows = useCallback(
    (ids: readonly MessageId[]): MessageHeader[] =>
      ids.map((id) => store?.getById(id)).filter((row): row is MessageHeader => row !== undefined),
    [store],
  );

  /** The messages an action on these rows applies to: the rows, or in conversation mode their conversations. */
  const membersOf = useCallback(
    async (ids: MessageId[]): Promise<{ ids: MessageId[]; rows: MessageHeader[] }> => {
      if (!expand) return { ids, rows: rows(ids) };
      const members = await expand(ids);
      return { ids: members.map((member) => member.id), rows: members };
    },
    [expand, rows],
  );

  /**
   * `record: false` for changes nobody asked for explicitly (marking read on opening): those
   * apply to the message itself, never to its whole conversation.
   */
  const setFlags = useCallback(
    async (ids: MessageId[], change: FlagChange, options: { record?: boolean } = {}) => {
      if (ids.length === 0) return;
      beforeChange?.();
      store?.patch(ids, (row: MessageHeader) =>
        options.record === false ? { ...row, flags: { ...row.flags, ...change } } : withConversationFlags(row, change),
      );
      try {
        const members = options.record === false ? { ids, rows: rows(ids) } : await membersOf(ids);
        const restores = flagRestoreGroups(members.rows, change);
        await transport.invoke('messages.setFlags', { ids: members.ids, ...change });
        if (options.record !== false && restores.length > 0)
          undo.record({ kind: 'flags', verb: flagVerb(change), count: members.ids.length, restores });
      } catch (error) {
        const action =
          'seen' in change
            ? t(change.seen ? 'toolbar.markRead' : 'toolbar.markUnread')
            : t(change.flagged ? 'toolbar.star' : 'toolbar.unstar');
        fail(action, error);
      }
    },
    [rows, store, transport, undo, fail, t, beforeChange, membersOf],
  );

  const removeFromList = useCallback(
    async (
      ids: MessageId[],
      actionName: string,
      call: (members: MessageHeader[], ids: MessageId[]) => Promise<unknown>,
      recordAs: { verb: MoveVerb; folderName?: string } | 'final',
    ) => {
      if (ids.length === 0) return;
      beforeChange?.();
      let members: { ids: MessageId[]; rows: MessageHeader[] };
      try {
        members = await membersOf(ids);
      } catch (error) {
        fail(actionName, error);
        return;
      }
      // Where each message was, for undo: its row says; one not loaded is in this folder.
      const known = new Map(members.rows.map((row) => [row.id, row.mailboxId]));
      const origins = members.ids.map((id) => ({ id, mailboxId: known.get(id) ?? mailbox?.id ?? -1 }));
      if (store)
        setSelection(
          selectionAfterRemoval(
            ids,
            (id) => store.indexOf(id),
            (index) => store.getRow(index),
          ),
        );
      try {
        await call(members.rows, members.ids);
        if (recordAs === 'final') undo.permanent(members.ids.length);
        else
          undo.record({
            kind: 'move',
            verb: recordAs.verb,
            count: members.ids.length,
            folderName: recordAs.folderName,
            moves: moveBackGroups(origins.filter((origin) => origin.mailboxId >= 0)),
          });
      } catch (error) {
        fail(actionName, error);
      }
    },
    [membersOf, mailbox, store, setSelection, undo, fail, beforeChange],
  );

  /** Each account has its own Junk folder: a selection from a unified view may span several. */
  const junkFolderOf = useCallback(
    (account: AccountId | null) =>
      mailboxes.find((item) => item.accountId === account && effectiveRole(item) === 'junk' && item.selectable) ?? null,
    [mailboxes],
  );
  const inboxFolder = useMemo(
    () => mailboxes.find((item) => item.accountId === accountId && effectiveRole(item) === 'inbox') ?? null,
    [mailboxes, accountId],
  );

  return useMemo(() => {
    const move = (ids: MessageId[], to: Mailbox, verb: MoveVerb = 'move') =>
      removeFromList(
        ids,
        t('toolbar.move'),
        (_, all) => transport.invoke('messages.move', { ids: all, toMailboxId: to.id }),
        { verb, folderName: folderDisplayName(to, t) },
      );
    const inJunk = mailbox !== null && effectiveRole(mailbox) === 'junk';
    /** Back to each message's account's Inbox. */
    const notJunk = (ids: MessageId[]) =>
      removeFromList(ids, t('toolbar.notJunk'), (_, all) => transport.invoke('messages.notJunk', { ids: all }), {
        verb: 'move',
        folderName: inboxFolder ? folderDisplayName(inboxFolder, t) : undefined,
      });
    return {
      setFlags,
      archive: (ids: MessageId[]) =>
        removeFromList(ids, t('toolbar.archive'), (_, all) => transport.invoke('messages.archive', { ids: all }), {
          verb: 'archive',
        }),
      remove: (ids: MessageId[]) => {
        // The engine deletes from Trash for good; anywhere else the message goes to Trash.
        const final = mailbox !== null && effectiveRole(mailbox) === 'trash';
        return removeFromList(
          ids,
          t('toolbar.delete'),
          (_, all) => transport.invoke('messages.delete', { ids: all }),
          final ? 'final' : { verb: 'delete' },
        );
      },
      move,
      /** "!": to each account's Junk folder (the engine makes one where there is none); in Junk, "not junk". */
      junk: async (ids: MessageId[]) => {
        if (ids.length === 0) return;
        if (inJunk) return notJunk(ids);
        const known = new Map(rows(ids).map((row) => [row.id, row.accountId]));
        const folders = new Set(ids.map((id) => junkFolderOf(known.get(id) ?? accountId)));
        const [only] = folders;
        if (folders.size === 1 && only) return move(ids, only, 'junk');
        // each message to its own account's Junk, made where an account has none (in conversation
        // mode, each row's whole conversation)
        await removeFromList(ids, t('toolbar.junk'), (_, all) => transport.invoke('messages.junk', { ids: all }), {
          verb: 'junk',
        });
      },
      notJunk,
      // Any message can be junk: an account without a Junk folder gets one.
      canJunk: true,
      canNotJunk: inJunk,
    };
  }, [setFlags, removeFromList, transport, rows, mailbox, accountId, junkFolderOf, inboxFolder, t]);
}
