// A draft saved only on this computer (the app was closed or killed while it was being written,
// before it reached the Drafts folder) is offered again at start: open it to carry on, or
// discard it. Asked once when the window starts, like the start-up notices.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeDraft as ContractDraft, DraftSummary } from '../../shared/compose';
import { isMethodName } from '../../shared/contract';
import { useTransport } from '../app/app-services';

interface DraftRecoveryProps {
  onOpen: (draft: ContractDraft) => void;
}

export function DraftRecovery({ onOpen }: DraftRecoveryProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [unsaved, setUnsaved] = useState<DraftSummary[]>([]);

  useEffect(() => {
    if (!isMethodName('drafts.list')) return;
    let live = true;
    transport
      .invoke('drafts.list', {})
      .then((drafts) => live && setUnsaved(drafts.filter((draft) => !draft.savedToServer)))
      .catch(() => undefined); // nothing to offer then
    return () => void (live = false);
  }, [transport]);

  const forget = (draft: DraftSummary) => setUnsaved((shown) => shown.filter((other) => other !== draft));
  const first = unsaved[0];
  if (!first) return null;
  return (
    <div className="startup-notices draft-recovery" role="alert">
      <p className="startup-notice">
        {t('draftRecovery.text', {
          subject: first.subject.trim() || t('outbox.noSubject'),
          count: unsaved.length,
        })}
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            forget(first);
            void transport
              .invoke('drafts.get', { draftId: first.draftId })
              .then(onOpen)
              .catch(() => undefined);
          }}
        >
          {t('draftRecovery.open')}
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            forget(first);
            void transport.invoke('drafts.discard', { draftId: first.draftId }).catch(() => undefined);
          }}
        >
          {t('draftRecovery.discard')}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={() => forget(first)}>
          {t('draftRecovery.later')}
        </button>
      </p>
    </div>
  );
}
