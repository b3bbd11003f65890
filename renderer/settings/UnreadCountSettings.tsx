// Which folders the unread count (window title, dock, taskbar, launcher, tray) adds up, in
// General settings: every Inbox unless the user ticks folders here (mail-signal-prefs.ts).
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { mailSignalSettings } from '../notifications/mail-signal-prefs';

export function UnreadCountSettings({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const store = mailSignalSettings();
  const chosen = useSyncExternalStore(store.subscribe, store.get).unreadFolders;
  const [folders, setFolders] = useState<Mailbox[]>([]);

  useEffect(() => {
    let live = true;
    transport
      .invoke('mailboxes.list', {})
      .then((list) => {
        if (live) setFolders(list.filter((box) => box.selectable));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [transport]);

  if (folders.length === 0) return null;
  const accountName = (box: Mailbox) => accounts.find((account) => account.id === box.accountId)?.name ?? '';
  const set = (box: Mailbox, on: boolean) =>
    store.update((previous) => {
      const list = previous.unreadFolders ?? [];
      const next = on ? [...new Set([...list, box.id])] : list.filter((entry) => entry !== box.id);
      // nothing ticked: back to every Inbox
      return { ...previous, unreadFolders: next.length ? next : null };
    });

  return (
    <section className="form-field" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('desktop.unread.title')}
      </h3>
      <fieldset className="settings-fieldset settings-folder-list">
        <legend>{t('desktop.unread.hint')}</legend>
        {folders.map((box) => (
          <div className="settings-check" key={box.id}>
            <input
              id={`${id}-${box.id}`}
              type="checkbox"
              checked={chosen?.includes(box.id) ?? false}
              onChange={(event) => set(box, event.target.checked)}
            />
            <label htmlFor={`${id}-${box.id}`}>
              {accounts.length > 1 ? `${box.path} · ${accountName(box)}` : box.path}
            </label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
