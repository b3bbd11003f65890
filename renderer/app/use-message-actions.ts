// The toolbar's and the list's actions as `messages.*` calls. Flags change on screen at once
// (the core confirms with 'messages.changed'); messages that leave the folder hand the
// selection to their neighbour before they go.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId, Mailbox, MessageHeader, MessageId } from '../../shared/domain';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { type Selection, selectionAfterRemoval } from '../message-list/selection';
import { useTransport } from './app-services';
import { errorMessage } from './error-message';

export type FlagChange = { seen: boolean } | { flagged: boolean };

interface ActionContext {
  store: MessageWindowStore | null;
  accountId: AccountId | null;
  setSelection: (selection: Selection) => void;
  reportFailure: (accountId: AccountId, message: string) => void;
}

export function useMessageActions({ store, accountId, setSelection, reportFailure }: ActionContext) {
  const { t } = useTranslation();
  const transport = useTransport();

  const fail = useCallback(
    (action: string, error: unknown) => {
      reportFailure(
        accountId ?? '',
        t('toolbar.actionFailed', { action, reason: errorMessage(error) ?? t('common.unknownError') }),
      );
      void store?.invalidate();
    },
    [accountId, reportFailure, store, t],
  );

  const setFlags = useCallback(
    async (ids: MessageId[], change: FlagChange) => {
      if (ids.length === 0) return;
      store?.patch(ids, (row: MessageHeader) => ({ ...row, flags: { ...row.flags, ...change } }));
      try {
        await transport.invoke('messages.setFlags', { ids, ...change });
      } catch (error) {
        const action =
          'seen' in change
            ? t(change.seen ? 'toolbar.markRead' : 'toolbar.markUnread')
            : t(change.flagged ? 'toolbar.star' : 'toolbar.unstar');
        fail(action, error);
      }
    },
    [store, transport, fail, t],
  );

  const removeFromList = useCallback(
    async (ids: MessageId[], actionName: string, call: () => Promise<unknown>) => {
      if (ids.length === 0) return;
      if (store)
        setSelection(
          selectionAfterRemoval(
            ids,
            (id) => store.indexOf(id),
            (index) => store.getRow(index),
          ),
        );
      try {
        await call();
      } catch (error) {
        fail(actionName, error);
      }
    },
    [store, setSelection, fail],
  );

  return {
    setFlags,
    archive: (ids: MessageId[]) =>
      removeFromList(ids, t('toolbar.archive'), () => transport.invoke('messages.archive', { ids })),
    remove: (ids: MessageId[]) =>
      removeFromList(ids, t('toolbar.delete'), () => transport.invoke('messages.delete', { ids })),
    move: (ids: MessageId[], to: Mailbox) =>
      removeFromList(ids, t('toolbar.move'), () => transport.invoke('messages.move', { ids, toMailboxId: to.id })),
  };
}
