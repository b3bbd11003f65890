// The status area at the bottom: one role=status line (announced to screen readers) with
// the most urgent state across accounts, and the action that fixes it next to it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId, AccountStatus, Mailbox } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { formatTime } from '../format/format-date';
import { formatCount } from '../format/format-size';
import { folderDisplayName } from '../sidebar/folder-name';
import { Icon, type IconName } from '../ui/Icon';
import { OfflineBodiesStatus } from './OfflineBodiesStatus';
import { type EngineStatus, type StatusSummary, summarizeStatus } from './status-summary';
import type { SyncActivity } from './use-sync-activity';
import { useSyncProgress } from './use-sync-progress';
import './status-bar.css';

interface StatusBarProps {
  accounts: readonly Account[];
  statuses: ReadonlyMap<AccountId, AccountStatus>;
  mailboxes: readonly Mailbox[];
  activity: SyncActivity;
  engine: EngineStatus;
  onEnterPassword: (account: Account) => void;
  onRetry: (account: Account | undefined) => void;
}

const ICONS: Record<StatusSummary['kind'], IconName | null> = {
  'engine-offline': 'offline',
  'engine-unauthorized': 'lock',
  'no-accounts': null,
  idle: 'check',
  'auth-failed': 'lock',
  error: 'alert',
  'operation-failed': 'alert',
  offline: 'offline',
  syncing: 'refresh',
  connecting: 'refresh',
};

/** Memoized: a key press that moves through the list changes none of its props. */
export const StatusBar = memo(function StatusBar({
  accounts,
  statuses,
  mailboxes,
  activity,
  engine,
  onEnterPassword,
  onRetry,
}: StatusBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = useSyncProgress();
  const summary = summarizeStatus(accounts, statuses, progress, activity.failures, engine);

  const mailboxName = (accountId: AccountId, path: string): string => {
    const mailbox = mailboxes.find((item) => item.accountId === accountId && item.path === path);
    return mailbox ? folderDisplayName(mailbox, t) : path;
  };

  const text = ((): string => {
    switch (summary.kind) {
      case 'engine-offline':
        return t('status.engineOffline');
      case 'engine-unauthorized':
        return t('status.engineUnauthorized');
      case 'no-accounts':
        return t('status.noAccounts');
      case 'idle':
        return t('status.idle');
      case 'auth-failed':
        // an OAuth2 account has no password: its sign-in at the provider must be renewed
        if (summary.account.oauthProvider) return t('oauth.statusSignInAgain', { account: summary.account.name });
        // Which server refused it: IMAP's and SMTP's can differ, and the user may need to know.
        return summary.server
          ? t('status.authFailedBy', { account: summary.account.name, server: summary.server })
          : t('status.authFailed', { account: summary.account.name });
      case 'error':
        // The engine's sentence is English; the reason is what we can say in the user's language.
        if (summary.reason === 'tls') return t('status.errorTls', { account: summary.account.name });
        if (summary.reason === 'protocol') return t('status.errorProtocol', { account: summary.account.name });
        return t('status.errorUnknown', { account: summary.account.name });
      case 'operation-failed':
        // The message went; only its copy in Sent is missing: not "a change was refused".
        if (summary.failure.kind === 'sent-copy') return t('status.sentCopyFailed');
        switch (summary.failure.reason) {
          case 'messages-gone':
            return t('status.operationGone', { count: summary.failure.count ?? 1 });
          case 'mailbox-recreated':
            return t('status.operationMailboxRecreated');
          case 'refused':
            // Which message: a given-up move or delete puts it back where it was.
            return summary.failure.subject !== undefined
              ? t('status.operationRefusedSubject', { subject: summary.failure.subject })
              : t('status.operationRefused');
          case 'unknown-action':
            return t('status.operationUnknown');
          default:
            return summary.failure.message; // a local failure, translated where it happened
        }
      case 'offline':
        return summary.retryAt
          ? t('status.offlineRetry', { account: summary.account.name, time: formatTime(summary.retryAt, locale) })
          : t('status.offline', { account: summary.account.name });
      case 'syncing':
        return t('status.syncing', {
          mailbox: mailboxName(summary.account.id, summary.progress.mailbox),
          done: formatCount(summary.progress.done, locale),
          total: formatCount(summary.progress.total, locale),
        });
      case 'connecting':
        return t('status.connecting', { account: summary.account.name });
    }
  })();

  const icon = ICONS[summary.kind];
  const busy = summary.kind === 'syncing' || summary.kind === 'connecting';
  return (
    <footer className={`status-bar status-${summary.kind}`}>
      {icon && <Icon name={icon} className={busy ? 'status-icon is-spinning' : 'status-icon'} />}
      {/* title: in a narrow window the line ends in an ellipsis; hovering shows all of it */}
      <div className="status-text" role="status" aria-live="polite" title={text}>
        {text}
      </div>
      {summary.kind === 'syncing' && (
        <progress
          className="status-progress"
          max={summary.progress.total}
          value={summary.progress.done}
          aria-hidden="true"
        />
      )}
      <OfflineBodiesStatus />
      <div className="status-actions">
        {summary.kind === 'auth-failed' && (
          <button type="button" className="button button-small" onClick={() => onEnterPassword(summary.account)}>
            {summary.account.oauthProvider ? t('oauth.signInAgain') : t('status.enterPassword')}
          </button>
        )}
        {summary.kind === 'error' && (
          <button type="button" className="button button-small" onClick={() => onRetry(summary.account)}>
            {t('common.retry')}
          </button>
        )}
        {summary.kind === 'offline' && (
          <button type="button" className="button button-small" onClick={() => onRetry(summary.account)}>
            {t('status.retryNow')}
          </button>
        )}
        {summary.kind === 'operation-failed' && (
          <button
            type="button"
            className="button button-small"
            onClick={() => activity.dismissFailure(summary.failure.id)}
          >
            {t('common.dismiss')}
          </button>
        )}
      </div>
    </footer>
  );
});
