// Settings in two tabs: General (language, keyboard) and Accounts (each account's names,
// signature, sync interval, remote images, password, removal). Tabs follow the WAI-ARIA tabs
// pattern: arrows, Home and End move between them, Tab goes into the panel.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId } from '../../shared/domain';
import { Dialog } from '../ui/Dialog';
import { AccountsSettings } from './AccountsSettings';
import { GeneralSettings } from './GeneralSettings';
import './settings.css';

export type SettingsTab = 'general' | 'accounts';
const TABS: readonly SettingsTab[] = ['general', 'accounts'];

interface SettingsDialogProps {
  onClose: () => void;
  accounts?: readonly Account[];
  /** Open on this tab (the palette's "Account settings" opens on Accounts). */
  initialTab?: SettingsTab;
  /** The account to show first on the Accounts tab. */
  initialAccountId?: AccountId | null;
  onAddAccount?: () => void;
}

export function SettingsDialog({
  onClose,
  accounts = [],
  initialTab = 'general',
  initialAccountId = null,
  onAddAccount,
}: SettingsDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<SettingsTab>(initialTab);
  const tabRefs = useRef(new Map<SettingsTab, HTMLButtonElement>());

  const select = (next: SettingsTab) => {
    setTab(next);
    tabRefs.current.get(next)?.focus();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.indexOf(tab);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target);
  };

  return (
    <Dialog label={t('settings.label')} onClose={onClose} className="settings-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">{t('settings.label')}</h2>
        <div className="settings-tabs" role="tablist" aria-label={t('settings.label')}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                if (element) tabRefs.current.set(name, element);
                else tabRefs.current.delete(name);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              className="settings-tab"
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={onTabKey}
            >
              {t(`settings.tabs.${name}`)}
            </button>
          ))}
        </div>
        {TABS.map((name) => (
          <div
            key={name}
            role="tabpanel"
            id={`${id}-panel-${name}`}
            aria-labelledby={`${id}-tab-${name}`}
            className="settings-panel"
            hidden={tab !== name}
          >
            {name === 'general' ? (
              <GeneralSettings accounts={accounts} />
            ) : (
              <AccountsSettings accounts={accounts} initialAccountId={initialAccountId} onAddAccount={onAddAccount} />
            )}
          </div>
        ))}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
