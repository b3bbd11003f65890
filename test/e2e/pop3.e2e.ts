// A person adds a POP3 account with the wizard (the test bed's Dovecot pop3d over implicit TLS)
// and reads a downloaded message. The wizard says in a sentence what POP3 means; the folder list
// marks the account as POP3; the message reads from the copy kept on this computer. The account's
// settings hold its POP3 options and its POP3 server, which can move to STLS on the other port.
import { appendMessage } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { accessibilityViolations } from './axe';
import { expect, screenshot, test } from './fixtures';

test('adds a POP3 account through the wizard and reads a downloaded message', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const plain = buildMessage('plain', 7);
  await appendMessage(mailServer, user, plain.raw, 'INBOX');

  await page.goto(shell.url);
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(user.name);
  await dialog.getByLabel('Email', { exact: true }).fill(user.address);
  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible({ timeout: 20_000 });

  // IMAP is the default; choosing POP3 explains it and switches the incoming server's fields
  const imapChoice = dialog.getByRole('radio', { name: /IMAP: keep mail on the server/ });
  const pop3Choice = dialog.getByRole('radio', { name: /POP3: download to this computer/ });
  await expect(imapChoice).toBeChecked();
  await expect(imapChoice).toHaveAccessibleDescription(/every device you use sees the same mailbox/);
  await pop3Choice.check();
  await expect(pop3Choice).toHaveAccessibleDescription(/downloaded and kept on this computer/);
  await expect(dialog.getByLabel('POP3 host')).toHaveValue('pop.example.test');
  await expect(dialog.getByLabel('POP3 port')).toHaveValue('995');
  await dialog.getByLabel('POP3 host').fill(mailServer.host);
  await dialog.getByLabel('POP3 port').fill(String(mailServer.ports.pop3s));
  await dialog.getByLabel('SMTP host').fill(mailServer.host);
  await dialog.getByLabel('SMTP port').fill(String(mailServer.ports.submissions));
  await screenshot(page, 'wizard-pop3');
  expect(await accessibilityViolations(page), 'accessibility violations in the wizard with POP3 chosen').toEqual([]);
  await dialog.getByRole('button', { name: 'Test connection' }).click();

  await expect(dialog.getByRole('group', { name: 'Incoming mail (POP3)' })).toContainText('Connected and signed in.', {
    timeout: 20_000,
  });
  await expect(dialog.getByRole('group', { name: 'Outgoing mail (SMTP)' })).toContainText('Connected and signed in.');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const folders = page.getByRole('tree', { name: 'Folders' });
  await expect(folders.getByText('POP3', { exact: true })).toBeVisible({ timeout: 20_000 });
  const inbox = folders.getByRole('treeitem', { name: /^Inbox/ });
  await expect(inbox).toBeVisible();
  for (const name of ['Sent', 'Archive', 'Trash'])
    await expect(folders.getByRole('treeitem', { name: new RegExp(`^${name}`) })).toBeVisible();

  const list = page.getByRole('listbox', { name: 'Messages' });
  const row = list.getByRole('option', { name: new RegExp(escape(plain.expected.subject)) });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  const frame = page.getByRole('region', { name: 'Message' }).frameLocator('iframe[title="Message body"]');
  for (const fragment of plain.expected.text)
    await expect(frame.locator('body')).toContainText(fragment.split('\n')[0]!);
  await screenshot(page, 'pop3-message');

  // the POP3 options in the account settings: leave on server (the default) with removal after N days
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Accounts' }).click();
  const options = settings.getByRole('form', { name: 'POP3' });
  await expect(options.getByLabel('Leave messages on the server')).toBeChecked();
  await options.getByLabel('Remove them from the server after this many days').check();
  await options.getByRole('spinbutton', { name: 'Days' }).fill('30');
  expect(await accessibilityViolations(page), 'accessibility violations in the POP3 options').toEqual([]);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');

  // the servers editor edits the POP3 server: tested over POP3, saved, and the mail stays
  const servers = settings.getByRole('form', { name: 'Servers' });
  await expect(servers.getByLabel('POP3 port')).toHaveValue(String(mailServer.ports.pop3s));
  await servers.getByLabel('POP3 port').fill('1');
  await servers.getByRole('button', { name: 'Test, then apply' }).click();
  await expect(servers.getByRole('alert')).toContainText('Not saved', { timeout: 20_000 });
  await servers.getByLabel('POP3 security').selectOption({ label: 'STARTTLS' });
  await servers.getByLabel('POP3 port').fill(String(mailServer.ports.pop3));
  await servers.getByRole('button', { name: 'Test, then apply' }).click();
  await expect(servers.getByRole('status')).toContainText('both servers accepted', { timeout: 20_000 });
  expect(await accessibilityViolations(page), "accessibility violations in a POP3 account's servers").toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(row).toBeVisible();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
