// The left pane: compose, the folder tree, storage use, and the way to accounts and settings.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox } from '../../shared/domain';
import type { ListSource, UnifiedRole } from '../message-list/list-source';
import type { SidebarMenuTarget } from '../folders/folder-menus';
import type { FolderDrops } from '../folders/use-folder-drops';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import { FolderTree } from './FolderTree';
import { QuotaMeter } from './QuotaMeter';
import { useQuotas } from './use-quotas';
import './sidebar.css';

interface SidebarProps {
  accounts: readonly Account[];
  mailboxes: readonly Mailbox[] | null;
  selected: ListSource | null;
  onSelectMailbox: (mailbox: Mailbox) => void;
  onSelectUnified: (role: UnifiedRole) => void;
  onCompose: () => void;
  onAddAccount: () => void;
  onOpenSettings: () => void;
  onContextMenu?: (target: SidebarMenuTarget, position: { x: number; y: number }) => void;
  drops?: FolderDrops;
}

/** Memoized: a key press that moves through the list changes none of its props. */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const { t } = useTranslation();
  const quotas = useQuotas(props.accounts);
  const withQuota = props.accounts.filter((account) => quotas.has(account.id));

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-header">
        <button
          type="button"
          className="button button-primary sidebar-compose"
          onClick={props.onCompose}
          disabled={props.accounts.length === 0}
        >
          <Icon name="compose" />
          <span>{t('sidebar.newMessage')}</span>
        </button>
      </div>
      <div className="sidebar-scroll">
        {props.mailboxes === null && props.accounts.length > 0 ? (
          <div className="tree-skeleton" aria-hidden="true">
            {Array.from({ length: 6 }, (_, index) => (
              <div key={index} className="skeleton-line" style={{ inlineSize: `${50 + ((index * 17) % 40)}%` }} />
            ))}
          </div>
        ) : (
          <FolderTree
            accounts={props.accounts}
            mailboxes={props.mailboxes ?? []}
            selected={props.selected}
            onSelect={props.onSelectMailbox}
            onSelectUnified={props.onSelectUnified}
            onContextMenu={props.onContextMenu}
            drops={props.drops}
          />
        )}
      </div>
      {withQuota.length > 0 && (
        <div className="sidebar-quotas">
          {withQuota.map((account) => {
            const quota = quotas.get(account.id);
            return quota ? <QuotaMeter key={account.id} account={account} quota={quota} /> : null;
          })}
        </div>
      )}
      <div className="sidebar-footer">
        <button type="button" className="button button-quiet" onClick={props.onAddAccount}>
          <Icon name="plus" />
          <span>{t('sidebar.addAccount')}</span>
        </button>
        <IconButton icon="settings" label={t('sidebar.settings')} onClick={props.onOpenSettings} />
      </div>
    </nav>
  );
});
