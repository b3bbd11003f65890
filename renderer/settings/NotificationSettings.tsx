// New-mail notifications, in General settings: on or off, only "New mail" (privacy), which
// accounts notify, and which folders besides the Inboxes (mail-signal-prefs.ts keeps them).
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId, Mailbox, MailboxId } from '../../shared/domain';
import { isInbox, type NewMailPrefs } from '../../shared/new-mail';
import { useTransport } from '../app/app-services';
import { mailSignalSettings } from '../notifications/mail-signal-prefs';

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((entry) => entry !== item);
}

export function NotificationSettings({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const store = mailSignalSettings();
  const prefs = useSyncExternalStore(store.subscribe, store.get).notify;
  const [folders, setFolders] = useState<Mailbox[]>([]);

  useEffect(() => {
    let live = true;
    transport
      .invoke('mailboxes.list', {})
      .then((list) => {
        if (live) setFolders(list.filter((box) => box.selectable && !isInbox(box)));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transport]);

  const change = (changes: Partial<NewMailPrefs>) =>
    store.update((previous) => ({ ...previous, notify: { ...previous.notify, ...changes } }));
  const blocked = typeof Notification === 'function' && Notification.permission === 'denied';
  const accountName = (accountId: AccountId) => accounts.find((account) => account.id === accountId)?.name ?? '';
  const check = (key: string, checked: boolean, label: string, onChange: (on: boolean) => void, disabled = false) => (
    <div className="settings-check" key={key}>
      <input
        id={`${id}-${key}`}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );

  return (
    <section className="form-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('desktop.notify.title')}
      </h3>
      {blocked && <p className="settings-warning">{t('desktop.notify.blocked')}</p>}
      {check('enabled', prefs.enabled, t('desktop.notify.enabled'), (on) => change({ enabled: on }))}
      {check(
        'hide',
        prefs.hideContent,
        t('desktop.notify.hideContent'),
        (on) => change({ hideContent: on }),
        !prefs.enabled,
      )}
      {accounts.length > 1 && (
        <fieldset className="settings-fieldset" disabled={!prefs.enabled}>
          <legend>{t('desktop.notify.accounts')}</legend>
          {accounts.map((account) =>
            check(`account-${account.id}`, !prefs.mutedAccounts.includes(account.id), account.name, (on) =>
              change({ mutedAccounts: toggled(prefs.mutedAccounts, account.id, !on) }),
            ),
          )}
        </fieldset>
      )}
      {folders.length > 0 && (
        <fieldset className="settings-fieldset settings-folder-list" disabled={!prefs.enabled}>
          <legend>{t('desktop.notify.foldersHint')}</legend>
          {folders.map((folder) =>
            check(
              `folder-${folder.id}`,
              prefs.extraFolders.includes(folder.id),
              accounts.length > 1 ? `${folder.path} · ${accountName(folder.accountId)}` : folder.path,
              (on) => change({ extraFolders: toggled<MailboxId>(prefs.extraFolders, folder.id, on) }),
            ),
          )}
        </fieldset>
      )}
    </section>
  );
}
