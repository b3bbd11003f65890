// Tags by keyboard, as in Thunderbird: 2 tags the open message Work, shown on its row and in the
// reader and stored on the server; 2 again takes it off; the toolbar's Tag menu and the palette
// do the same, and tag: finds it. "New tag…" (menu and palette) adds a tag of the user's own.
import { appendMessage, connectImap } from '../mailserver/imap-helpers';
import { accessibilityViolations } from './axe';
import { addAccountThroughUi, expect, test } from './fixtures';

const RAW = Buffer.from(
  'From: Ada Lovelace <ada@example.test>\r\nTo: you@example.test\r\nSubject: Quarterly budget\r\n' +
    'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <budget@example.test>\r\n\r\nNumbers.\r\n',
);

test('tags by keyboard, toolbar and palette, on the server and in search', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await appendMessage(mailServer, user, RAW, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await list.getByRole('option', { name: /Quarterly budget/ }).click();
  await list.focus();
  const reader = page.getByRole('region', { name: 'Message' });

  await page.keyboard.press('2');
  await expect(list.getByRole('option', { name: /Quarterly budget, .*tagged Work/ })).toBeVisible();
  await expect(reader.locator('.tag-chip', { hasText: 'Work' })).toBeVisible();

  const client = await connectImap(mailServer, user);
  const keywordsOnServer = async () => {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const message = await client.fetchOne('1', { flags: true });
    return message ? [...(message.flags ?? [])].filter((flag) => !flag.startsWith('\\')).sort() : [];
  };
  try {
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual(['$label2']);

    // The toolbar's menu: Work is checked; Important is added.
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Tags' });
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Work' })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitemcheckbox', { name: 'Important' }).click();
    await expect(reader.locator('.tag-chip', { hasText: 'Important' })).toBeVisible();
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual(['$label1', '$label2']);

    // 2 again takes Work off; the palette removes the rest.
    await list.focus();
    await page.keyboard.press('2');
    await expect(reader.locator('.tag-chip', { hasText: 'Work' })).toBeHidden();
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual(['$label1']);

    await page.getByRole('searchbox', { name: 'Search mail' }).fill('tag:important');
    await expect(list.getByRole('option', { name: /Quarterly budget/ })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search mail' }).fill('tag:work');
    await expect(list.getByRole('option', { name: /Quarterly budget/ })).toBeHidden();
    await page.getByRole('searchbox', { name: 'Search mail' }).fill('');

    await list.getByRole('option', { name: /Quarterly budget/ }).click();
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('remove all tags');
    await page.keyboard.press('Enter');
    await expect(reader.locator('.tag-chip')).toHaveCount(0);
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual([]);

    // A tag of the user's own: the Tag menu's "New tag…" refuses a name a server cannot keep,
    // takes a good one, and shows and stores it.
    await page.getByRole('button', { name: 'Tag', exact: true }).click();
    await page.getByRole('menu', { name: 'Tags' }).getByRole('menuitem', { name: 'New tag…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New tag' });
    const field = dialog.getByRole('textbox', { name: 'Tag name' });
    await expect(field).toBeFocused();
    await field.fill('Q3 review');
    await expect(dialog.getByText(/A tag is one word/)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await field.fill('Q3-review');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(reader.locator('.tag-chip', { hasText: 'Q3-review' })).toBeVisible();
    await expect(list.getByRole('option', { name: /Quarterly budget, .*tagged Q3-review/ })).toBeVisible();
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual(['Q3-review']);

    // The palette has it too; Escape leaves without a tag.
    await list.focus();
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('new tag');
    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Tag name' }).fill('Travel');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('new tag');
    await page.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Tag name' }).fill('Travel');
    await page.keyboard.press('Enter');
    await expect(reader.locator('.tag-chip', { hasText: 'Travel' })).toBeVisible();
    await expect.poll(keywordsOnServer, { timeout: 15_000 }).toEqual(['Q3-review', 'Travel']);
  } finally {
    await client.logout();
  }
});
