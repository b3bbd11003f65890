// Switching the app to Swedish applies at once: special-use folder names, unread wording with
// Swedish plurals and dates in Swedish format, while the server's own folder names stay as they are.
import { appendMessage, connectImap } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test('switching to Swedish translates folders, unread counts and dates without a restart', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const date = new Date(Date.UTC(2025, 0, 15, 9, 30));
  const messages = [0, 1, 2].map((i) => buildMessage('plain', i, { date }));
  for (const m of messages) await appendMessage(mailServer, user, m.raw, 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const inbox = page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ });
  await expect(inbox).toHaveAccessibleDescription('3 unread');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Language').selectOption('sv');
  // applied at once: the dialog itself is Swedish now
  const inställningar = page.getByRole('dialog', { name: 'Inställningar' });
  await expect(inställningar).toBeVisible();
  await inställningar.getByRole('button', { name: 'Stäng' }).click();

  const tree = page.getByRole('tree', { name: 'Mappar' });
  for (const name of ['Inkorg', 'Utkast', 'Skickat', 'Arkiv', 'Skräppost', 'Papperskorg'])
    await expect(tree.getByRole('treeitem', { name: new RegExp(`^${name}`) })).toBeVisible();
  const inkorg = tree.getByRole('treeitem', { name: /^Inkorg/ });
  await expect(inkorg).toHaveAccessibleDescription('3 olästa');

  // Swedish plural changes with the count: open one message, one fewer unread
  const list = page.getByRole('listbox', { name: 'Meddelanden' });
  await list.getByRole('option').first().click();
  await expect(inkorg).toHaveAccessibleDescription('2 olästa');
  await list.getByRole('option').nth(1).click();
  await list.getByRole('option').nth(2).click();
  await expect(inkorg).not.toHaveAccessibleDescription(/oläst/);

  // a date in Swedish short format (year-month-day)
  await expect(list.getByRole('option').first()).toContainText('2025-01-15');
  await screenshot(page, 'swedish');

  // the server's folder names are untouched
  const imap = await connectImap(mailServer, user);
  try {
    const paths = (await imap.list()).map((m) => m.path);
    expect(paths).toEqual(expect.arrayContaining(['INBOX', 'Sent', 'Drafts', 'Trash']));
    expect(paths).not.toContain('Inkorg');
  } finally {
    await imap.logout();
  }
});
