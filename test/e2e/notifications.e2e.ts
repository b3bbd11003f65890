// New-mail notifications in the browser shell, watched through the web Notification API (a
// recorder stands in for it in the page): nothing for the mail the first sync brings, one
// notification naming sender and subject for mail that arrives, none for mail read elsewhere,
// one grouped notification for several, "New mail" only when the content is hidden, and a
// click opens the message.
import { appendMessage } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { addAccountThroughUi, expect, test } from './fixtures';

interface Shown {
  title: string;
  body: string;
  tag: string;
}

declare global {
  interface Window {
    shownNotifications: Shown[];
    clickLastNotification: () => void;
  }
}

let n = 0;
async function deliver(server: MailServerInfo, user: MailUser, from: string, subject: string, seen = false) {
  n++;
  const raw = [
    `From: ${from} <${from.toLowerCase()}@partner.example>`,
    `To: ${user.address}`,
    `Subject: ${subject}`,
    `Date: ${new Date(Date.UTC(2026, 2, 1, 10, n)).toUTCString()}`,
    `Message-ID: <notify${n}.${Date.now()}@partner.example>`,
    '',
    `${subject}: the body.`,
    '',
  ].join('\r\n');
  await appendMessage(server, user, raw, 'INBOX', seen ? ['\\Seen'] : []);
}

test('new mail notifies through the Notification API; first sync and read mail do not', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.shownNotifications = [];
    const created: { onclick: (() => void) | null }[] = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.shownNotifications.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
        created.push(this);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
    window.clickLastNotification = () => created.at(-1)?.onclick?.();
  });
  await deliver(mailServer, user, 'Old', 'Already here 1');
  await deliver(mailServer, user, 'Old', 'Already here 2');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 20_000 });
  const shown = () => page.evaluate(() => window.shownNotifications);

  // mail read on another device first, then one unread: one notification, for the unread one
  await deliver(mailServer, user, 'Reader', 'Read on the phone', true);
  await deliver(mailServer, user, 'Anna', 'Lunch on Friday?');
  await expect.poll(shown, { timeout: 15_000 }).toHaveLength(1);
  expect((await shown())[0]).toEqual({ title: 'Anna', body: 'Lunch on Friday?', tag: 'mail-new' });

  // clicking it opens that message
  await page.evaluate(() => window.clickLastNotification());
  await expect(
    page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Lunch on Friday?' }),
  ).toBeVisible();

  // several at once: one notification that counts them and names the senders
  await deliver(mailServer, user, 'Bo', 'First of two');
  await deliver(mailServer, user, 'Cecilia', 'Second of two');
  await expect.poll(shown, { timeout: 15_000 }).toHaveLength(2);
  const grouped = (await shown())[1]!;
  expect(grouped.title).toBe('2 new messages');
  expect(grouped.body.split(', ').sort()).toEqual(['Bo', 'Cecilia']);

  // privacy: only "New mail"
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Show only “New mail”, not the sender and subject').check();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await deliver(mailServer, user, 'Dan', 'Private matter');
  await expect.poll(shown, { timeout: 15_000 }).toHaveLength(3);
  expect((await shown())[2]).toEqual({ title: 'New mail', body: '', tag: 'mail-new' });
  // the first sync's two messages never notified
  expect(JSON.stringify(await shown())).not.toContain('Already here');
});
