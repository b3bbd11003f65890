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
}

export function useFolderManagement(reportFailure: (accountId: AccountId, message: string) => void): FolderManagement {
  const { t } = useTranslation();
  const transport = useTransport();
  const [request, setRequest] = useState<FolderRequest | null>(null);
  const close = useCallback(() => setRequest(null), []);
  const markRead = useCallback(
    (mailbox: Mailbox) =>
      void transport.invoke('mailboxes.markRead', { mailboxId: mailbox.id }).catch((error: unknown) =>
        reportFailure(
          mailbox.accountId,
          t('toolbar.actionFailed', {
            action: t('actions.markFolderRead'),
            reason: errorMessage(error, t) ?? t('common.unknownError'),
          }),
        ),
      ),
    [transport, reportFailure, t],
  );
  return useMemo(() => ({ request, open: setRequest, close, markRead }), [request, close, markRead]);
}
