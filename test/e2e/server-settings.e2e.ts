// Server settings after setup, as a person changes them in Chromium: a wrong port is tested and
// refused with the server's reason (nothing saved); the STARTTLS port and another user's mailbox
// pass the test, are saved, and the list shows the new mailbox's mail alone.
import { appendMessage } from '../mailserver/imap-helpers';
import { createMailUser } from '../support/mail-users';
import { noteTo } from '../support/plain-message';
import { accessibilityViolations } from './axe';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test('server settings are tested before they are saved, and another mailbox syncs cleanly', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await appendMessage(mailServer, user, noteTo(user, 'On the first server'), 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option', { name: /On the first server/ })).toBeVisible({ timeout: 20_000 });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('account settings');
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const servers = settings.getByRole('form', { name: 'Servers' });
  await expect(servers.getByLabel('IMAP port')).toHaveValue(String(mailServer.ports.imaps));

  // a wrong port: the test runs, says why, and nothing is saved
  await servers.getByLabel('IMAP port').fill('1');
  await servers.getByRole('button', { name: 'Test, then apply' }).click();
  await expect(servers.getByRole('alert')).toContainText('Not saved', { timeout: 20_000 });
  await screenshot(page, 'server-settings-refused');
  expect(await accessibilityViolations(page), 'accessibility violations in the server settings').toEqual([]);

  // another mailbox (another user, through STARTTLS): tested, saved, synced from the start
  const other = await createMailUser(mailServer, 'e2e-other');
  await appendMessage(mailServer, other, noteTo(other, 'On the new server'), 'INBOX');
  await servers.getByLabel('Username').fill(other.address);
  await servers.getByLabel('IMAP security').selectOption({ label: 'STARTTLS' });
  await servers.getByLabel('IMAP port').fill(String(mailServer.ports.imap));
  await servers.getByLabel(/Password to test and use/).fill(other.password);
  await servers.getByRole('button', { name: 'Test, then apply' }).click();
  await expect(servers.getByRole('status')).toContainText('both servers accepted', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(list.getByRole('option', { name: /On the new server/ })).toBeVisible({ timeout: 20_000 });
  await expect(list.getByRole('option', { name: /On the first server/ })).toHaveCount(0);
});
