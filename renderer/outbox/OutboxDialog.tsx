// The outbox, shown like a folder: every message not yet gone, whether it waits (the undo
// delay, the network, a retry), is scheduled, is with the server, or failed, with the server's
// own words and the recipients it refused. Retry (or Send now), Edit (back into the composer)
// and Cancel (back to Drafts) act on one message.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeDraft as ContractDraft, OutboxItem } from '../../shared/compose';
import type { Account } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { formatFullDate } from '../format/format-date';
import { Dialog } from '../ui/Dialog';
import { IconButton } from '../ui/IconButton';
import { outboxStatus } from './outbox-items';
import type { Outbox } from './use-outbox';
import './outbox.css';

interface OutboxDialogProps {
  outbox: Outbox;
  accounts: readonly Account[];
  onClose: () => void;
  /** Edit: the message taken back, to reopen in the composer. */
  onEdit: (draft: ContractDraft) => void;
  /** Cancel: the message taken back, to keep in Drafts. */
  onCancelled: (draft: ContractDraft) => void;
}

function OutboxRow({
  item,
  account,
  outbox,
  onEdit,
  onCancelled,
}: { item: OutboxItem; account: Account | undefined } & Pick<OutboxDialogProps, 'outbox' | 'onEdit' | 'onCancelled'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [problem, setProblem] = useState<string | null>(null);
  const status = outboxStatus(item);
  const subject = item.subject.trim() || t('outbox.noSubject');
  const act = (action: () => Promise<void>) => () => {
    setProblem(null);
    action().catch((error: unknown) => setProblem(errorMessage(error, t) ?? t('common.unknownError')));
  };
  const statusText = {
    scheduled: t('outbox.status.scheduled', { time: formatFullDate(item.scheduledFor ?? item.sendAt, locale) }),
    waiting: item.attempts > 0 ? t('outbox.status.retrying') : t('outbox.status.waiting'),
    sending: t('outbox.status.sending'),
    failed: t('outbox.status.failed'),
  }[status];

  return (
    <li className={`outbox-item outbox-${status}`} aria-label={subject}>
      <div className="outbox-item-text">
        <span className="outbox-subject">{subject}</span>
        <span className="outbox-recipients">
          {t('outbox.recipients', { list: item.recipients.join(', ') })}
          {account ? ` · ${account.email}` : ''}
        </span>
        <span className="outbox-status">{statusText}</span>
        {item.error !== null && <span className="outbox-error">{t('outbox.serverSaid', { reason: item.error })}</span>}
        {item.rejected.length > 0 && (
          <div className="outbox-refused">
            <span>{t('outbox.refusedRecipients')}</span>
            <ul>
              {item.rejected.map((refused) => (
                <li key={refused.address}>
                  {refused.address}: {refused.response}
                </li>
              ))}
            </ul>
          </div>
        )}
        {problem !== null && (
          <span className="outbox-error" role="alert">
            {problem}
          </span>
        )}
      </div>
      {status !== 'sending' && (
        <div className="outbox-actions">
          {status === 'failed' && (
            <button type="button" className="button button-small" onClick={act(() => outbox.retry(item.id))}>
              {t('common.retry')}
            </button>
          )}
          {(status === 'scheduled' || (status === 'waiting' && item.attempts > 0)) && (
            <button type="button" className="button button-small" onClick={act(() => outbox.retry(item.id))}>
              {t('outbox.sendNow')}
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            onClick={act(async () => onEdit(await outbox.takeBack(item.id)))}
          >
            {t('outbox.edit')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={act(async () => onCancelled(await outbox.takeBack(item.id)))}
          >
            {t('outbox.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

export function OutboxDialog({ outbox, accounts, onClose, onEdit, onCancelled }: OutboxDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('outbox.label')} onClose={onClose} className="outbox-dialog">
      <div className="outbox-header">
        <h2>{t('outbox.label')}</h2>
        <IconButton icon="close" label={t('common.close')} onClick={onClose} />
      </div>
      {outbox.items.length === 0 ? (
        <p className="outbox-empty">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox-list" aria-label={t('outbox.listLabel')}>
          {outbox.items.map((item) => (
            <OutboxRow
              key={item.id}
              item={item}
              account={accounts.find((account) => account.id === item.accountId)}
              outbox={outbox}
              onEdit={onEdit}
              onCancelled={onCancelled}
            />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
