// Appearance: light, dark or the system's, switched at once from the settings and the palette;
// simple mail shown dark in dark mode with its original colours on request, designed mail kept
// as it is; the compact list. The dark window is kept as a screenshot to look at.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const message = (subject: string, contentType: string, body: string) =>
  Buffer.from(
    `From: Ada Lovelace <ada@example.test>\r\nTo: you@example.test\r\nSubject: ${subject}\r\n` +
      `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: ${contentType}; charset=utf-8\r\n\r\n${body}\r\n`,
  );

test('dark mode from the settings: window, simple mail darkened, designed mail kept; compact list', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await appendMessage(
    mailServer,
    user,
    message(
      'Designed newsletter',
      'text/html',
      '<table bgcolor="#fff3c4"><tr><td style="color:#402000">Sale!</td></tr></table>',
    ),
    'INBOX',
  );
  await appendMessage(
    mailServer,
    user,
    message('Simple note', 'text/html', '<p>The engine <b>weaves</b> patterns.</p>'),
    'INBOX',
  );
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await list.getByRole('option', { name: /Simple note/ }).click();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-scheme', 'light');
  const body = page.frameLocator('iframe.message-frame:not(.is-standby)');
  const bodyBackground = () => body.locator('html').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await bodyBackground()).toBe('rgb(255, 255, 255)');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Theme').selectOption({ label: 'Dark' });
  // at once, without closing the settings
  await expect(html).toHaveAttribute('data-scheme', 'dark');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  const windowBackground = await page.locator('.app').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(windowBackground).toBe('rgb(28, 28, 30)');
  await expect(body.getByText('weaves')).toBeVisible();
  await expect.poll(bodyBackground).toBe('rgb(28, 28, 30)');
  await expect(page.getByText('Shown in dark colours.')).toBeVisible();
  await screenshot(page, 'dark-mode');

  // Printed from a dark window: white paper, dark text, the body's own print colours.
  await page.emulateMedia({ media: 'print' });
  const textToken = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--color-text').trim(),
  );
  expect(textToken).toBe('#1d1d1f');
  await expect.poll(bodyBackground).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(bodyBackground).toBe('rgb(28, 28, 30)');

  await page.getByRole('button', { name: 'Show original colours' }).click();
  await expect.poll(bodyBackground).toBe('rgb(255, 255, 255)');
  await expect(page.getByText('Shown in dark colours.')).toBeHidden();

  // Designed mail keeps its colours in dark mode, and says nothing about it.
  await list.getByRole('option', { name: /Designed newsletter/ }).click();
  await expect(body.getByText('Sale!')).toBeVisible();
  expect(await bodyBackground()).toBe('rgb(255, 255, 255)');
  await expect(page.getByText('Shown in dark colours.')).toBeHidden();

  // The palette switches back, and the choice outlives a reload.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('light and dark');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-scheme', 'light');

  // Compact: shorter rows without the preview line, at once.
  const firstRow = list.getByRole('option').first();
  const rowHeight = () => firstRow.evaluate((element) => element.getBoundingClientRect().height);
  expect(await rowHeight()).toBe(76);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('compact list');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-density', 'compact');
  await expect.poll(rowHeight).toBe(52);
  await expect(list.getByRole('option', { name: /Simple note/ })).toBeVisible();

  await page.reload();
  await expect(html).toHaveAttribute('data-scheme', 'light');
  await expect(html).toHaveAttribute('data-density', 'compact');
});

test('following the system: the window turns dark when the system does', async ({ page, shell, mailServer, user }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
});
