// Notifies of new mail: the engine's messages.changed events, filtered and worded by the shared
// decision (shared/new-mail.ts), shown through the web Notification API (Electron shows those as
// the system's notifications). Arrivals within a moment of each other become one notification;
// the headers are read when it is shown, so mail read elsewhere meanwhile is left out. Clicking
// it brings the window forward and opens the newest message.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MessageHeader, MessageId } from '../../shared/domain';
import { mayNotify, newMailNotice } from '../../shared/new-mail';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { mailSignalSettings } from './mail-signal-prefs';
import { noticeText } from './notice-text';

/** How long arrivals are gathered into one notification. */
export const GATHER_MS = 1_500;
/** The notification's tag: a newer one replaces the one still shown instead of piling up. */
const TAG = 'mail-new';

function notificationApi(): typeof Notification | null {
  return typeof Notification === 'function' ? Notification : null;
}

async function allowed(api: typeof Notification): Promise<boolean> {
  if (api.permission === 'granted') return true;
  if (api.permission === 'denied') return false;
  try {
    return (await api.requestPermission()) === 'granted';
  } catch {
    return false;
  }
}

export function useNewMailNotifications(
  mailboxes: readonly Mailbox[],
  openMessage: (header: MessageHeader) => void,
): void {
  const { t } = useTranslation();
  const transport = useTransport();
  const store = mailSignalSettings();
  const prefs = useSyncExternalStore(store.subscribe, store.get).notify;
  const latest = useRef({ mailboxes, openMessage, prefs, t });
  useEffect(() => {
    latest.current = { mailboxes, openMessage, prefs, t };
  });
  const gathered = useRef<MessageId[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const show = async () => {
    timer.current = null;
    const ids = gathered.current.splice(0);
    const api = notificationApi();
    if (!api || ids.length === 0) return;
    const headers = await transport.invoke('messages.get', { ids }).catch(() => []);
    const notice = newMailNotice(headers, latest.current.prefs);
    if (!notice || !(await allowed(api))) return;
    const { title, body } = noticeText(notice, latest.current.t);
    const notification = new api(title, { body, tag: TAG, silent: false });
    const newest = headers.find((header) => header.id === notice.messageId);
    notification.onclick = () => {
      window.focus();
      transport.invoke('desktop.showWindow', {}).catch(() => undefined);
      if (newest) latest.current.openMessage(newest);
      notification.close();
    };
  };

  useTransportEvent('messages.changed', (change) => {
    const mailbox = latest.current.mailboxes.find((item) => item.id === change.mailboxId);
    if (!mayNotify(change, mailbox, latest.current.prefs)) return;
    gathered.current.push(...change.added);
    timer.current ??= setTimeout(() => void show(), GATHER_MS);
  });
}
