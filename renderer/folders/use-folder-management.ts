// The folder dialog on screen (at most one) and "mark all as read", for the commands, the
// palette and the context menus. A failure of mark-all-read is reported like the message
// actions' failures (the status bar).
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId, Mailbox } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import type { FolderRequest } from './folder-request';

export interface FolderManagement {
  request: FolderRequest | null;
  open: (request: FolderRequest) => void;
  close: () => void;
  markRead: (mailbox: Mailbox) => void;
  setSync: (mailbox: Mailbox, sync: boolean) => void;
  subscribe: (mailbox: Mailbox, subscribed: boolean) => void;
}

export function useFolderManagement(reportFailure: (accountId: AccountId, message: string) => void): FolderManagement {
  const { t } = useTranslation();
  const transport = useTransport();
  const [request, setRequest] = useState<FolderRequest | null>(null);
  const close = useCallback(() => setRequest(null), []);
  const { markRead, setSync, subscribe } = useMemo(() => {
    /** Runs a folder call; a refusal goes to the status bar with the action's name. */
    const attempt = (
      mailbox: Mailbox,
      action: 'markFolderRead' | 'toggleFolderSync' | 'toggleSubscription',
      call: () => Promise<unknown>,
    ) =>
      void call().catch((error: unknown) =>
        reportFailure(
          mailbox.accountId,
          t('toolbar.actionFailed', {
            action: t(`actions.${action}`),
            reason: errorMessage(error, t) ?? t('common.unknownError'),
          }),
        ),
      );
    return {
      markRead: (mailbox: Mailbox) =>
        attempt(mailbox, 'markFolderRead', () => transport.invoke('mailboxes.markRead', { mailboxId: mailbox.id })),
      setSync: (mailbox: Mailbox, sync: boolean) =>
        attempt(mailbox, 'toggleFolderSync', () =>
          transport.invoke('folders.setSync', { mailboxId: mailbox.id, sync }),
        ),
      subscribe: (mailbox: Mailbox, subscribed: boolean) =>
        attempt(mailbox, 'toggleSubscription', () =>
          transport.invoke('folders.subscribe', { mailboxId: mailbox.id, subscribed }),
        ),
    };
  }, [transport, reportFailure, t]);
  return useMemo(
    () => ({ request, open: setRequest, close, markRead, setSync, subscribe }),
    [request, close, markRead, setSync, subscribe],
  );
}
