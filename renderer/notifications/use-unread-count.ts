// Shows the unread count (shared/unread-count.ts) outside the folder list: in the window title
// here, and on the dock, taskbar, launcher and tray through the desktop shell
// (desktop.setUnreadCount; the browser shell has only the tab's title). Sent only when it changes.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Mailbox } from '../../shared/domain';
import { titleWithCount, unreadCount } from '../../shared/unread-count';
import { useTransport } from '../app/app-services';
import { mailSignalSettings } from './mail-signal-prefs';

export const APP_TITLE = 'Mail';

export function useUnreadCount(mailboxes: readonly Mailbox[] | null): void {
  const transport = useTransport();
  const store = mailSignalSettings();
  const folders = useSyncExternalStore(store.subscribe, store.get).unreadFolders;
  const count = mailboxes ? unreadCount(mailboxes, folders) : 0;
  const sent = useRef<number | null>(null);

  useEffect(() => {
    document.title = titleWithCount(APP_TITLE, count);
    if (sent.current === count) return;
    sent.current = count;
    transport.invoke('desktop.setUnreadCount', { count }).catch(() => undefined);
  }, [count, transport]);
}
