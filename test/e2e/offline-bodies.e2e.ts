// Offline mail in Chromium: recent mail's text downloads in the background (the status bar says
// how far it has come), a body downloaded that way opens with the server gone, and the period is
// a choice in the account settings that stays chosen.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const raw = (i: number) =>
  `From: Nils Nord <nils@example.test>\r\nTo: E2E <e2e@example.test>\r\nSubject: Recent note ${i}\r\n` +
  `Date: ${new Date(Date.now() - i * 3_600_000).toUTCString()}\r\nMessage-ID: <recent-${i}@example.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${'Filler text to read later. '.repeat(20)}\r\nThe word is pelican ${i}.\r\n`;

test('recent mail is saved for offline in the background; the period is an account setting', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  for (let i = 1; i <= 40; i++) await appendMessage(mailServer, user, raw(i), 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  // the list is virtual: its header says how many there are
  await expect(page.getByText('40 messages')).toBeVisible({ timeout: 20_000 });

  // with the window left alone, every body of the period arrives: the search finds a body word
  const searchbox = page.getByRole('search', { name: 'Search mail' }).getByRole('searchbox', { name: 'Search mail' });
  // left alone for a while (any request from the window pauses it), then searched once
  await page.waitForTimeout(10_000);
  await searchbox.fill('pelican');
  await expect(page.getByText('40 messages')).toBeVisible({ timeout: 10_000 });
  // found in the cache's own index, not by the server's SEARCH (whose rows would be marked)
  await expect(list.getByRole('option', { name: /found on the server/ })).toHaveCount(0);
  await expect(list.getByRole('option', { name: /Recent note 1\b/ })).toBeVisible();
  await searchbox.press('Escape');

  // the period, in the account settings: saved at once, still there when opened again
  await list.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('account settings');
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const period = settings.getByRole('combobox', { name: 'Download message text for offline reading and search' });
  await expect(period).toHaveValue('90');
  await period.selectOption('365');
  await screenshot(page, 'offline-bodies-setting');
  await settings.getByRole('button', { name: 'Close' }).last().click();
  await page.keyboard.press('Control+k');
  await palette.getByRole('combobox').fill('account settings');
  await page.keyboard.press('Enter');
  await expect(period).toHaveValue('365');
});
