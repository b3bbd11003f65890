// Beside the status line: how far the background download of recent mail has come ("Saving mail
// for offline: 1,200 of 5,000"), or that it waits while the user works. Gone once every account's
// period is stored. Not a live region: the count changes every few seconds and the status line
// is what a screen reader should announce.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/contract';
import type { AccountId } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { formatCount } from '../format/format-size';

type Progress = EventPayload<'offlineBodies.progress'>;

/** The accounts still downloading, summed: one line however many accounts there are. */
export function offlineBodiesSummary(
  byAccount: ReadonlyMap<AccountId, Progress>,
): { done: number; total: number; paused: boolean } | null {
  const open = [...byAccount.values()].filter((p) => p.state !== 'done' && p.done < p.total);
  if (open.length === 0) return null;
  return {
    done: open.reduce((sum, p) => sum + p.done, 0),
    total: open.reduce((sum, p) => sum + p.total, 0),
    paused: open.every((p) => p.state === 'paused'),
  };
}

export function OfflineBodiesStatus() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [byAccount, setByAccount] = useState<ReadonlyMap<AccountId, Progress>>(new Map());
  useTransportEvent('offlineBodies.progress', (progress) =>
    setByAccount((previous) => new Map(previous).set(progress.accountId, progress)),
  );
  const summary = offlineBodiesSummary(byAccount);
  if (!summary) return null;
  const counts = { done: formatCount(summary.done, locale), total: formatCount(summary.total, locale) };
  const text = summary.paused ? t('offlineBodies.paused', counts) : t('offlineBodies.running', counts);
  return (
    <span className="status-offline-bodies" title={text}>
      {text}
    </span>
  );
}
