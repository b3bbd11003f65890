// Everything the window shows of the outbox, in one place so App only places it: the live list,
// the notice of a message refused after its undo window (also handed to the status line), and
// the outbox dialog with its Retry, Edit and Cancel.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeDraft as ContractDraft, OutboxItem } from '../../shared/compose';
import type { Account, AccountId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { OutboxDialog } from './OutboxDialog';
import { SendFailureNotice } from './SendFailureNotice';
import { useOutbox } from './use-outbox';

interface OutboxHostProps {
  /** The engine connection's epoch: the list is read again when contact comes back. */
  epoch: number;
  accounts: readonly Account[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  /** Reopens a message taken back for editing in the composer. */
  onEdit: (draft: ContractDraft) => void;
  /** The status line's report of a failure. */
  reportFailure: (accountId: AccountId, message: string) => void;
}

export function OutboxHost({ epoch, accounts, open, onOpen, onClose, onEdit, reportFailure }: OutboxHostProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [failed, setFailed] = useState<OutboxItem | null>(null);
  const onFailed = useCallback(
    (item: OutboxItem) => {
      setFailed(item);
      reportFailure(item.accountId, t('outbox.statusLine', { subject: item.subject.trim() || t('outbox.noSubject') }));
    },
    [reportFailure, t],
  );
  const outbox = useOutbox(epoch, onFailed);

  // Cancel keeps what was written: back in Drafts, where every device sees it.
  const keepAsDraft = useCallback(
    (draft: ContractDraft) => void transport.invoke('drafts.save', { draft, sync: true }).catch(() => undefined),
    [transport],
  );

  return (
    <>
      <SendFailureNotice
        failed={failed}
        onShowOutbox={() => {
          setFailed(null);
          onOpen();
        }}
        onRetry={(item) => {
          setFailed(null);
          void outbox.retry(item.id).catch(() => undefined);
        }}
        onDismiss={() => setFailed(null)}
      />
      {open && (
        <OutboxDialog
          outbox={outbox}
          accounts={accounts}
          onClose={onClose}
          onEdit={(draft) => {
            onClose();
            onEdit(draft);
          }}
          onCancelled={keepAsDraft}
        />
      )}
    </>
  );
}
