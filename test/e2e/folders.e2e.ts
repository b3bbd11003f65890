// Folder management and context menus by keyboard alone: a folder is created from the palette,
// renamed through its context menu (Shift+F10), and deleted through the Menu key with a
// confirmation; the messages' context menu files one in Junk; a folder is moved into another and
// the account's sync window set, each in its dialog. Each step is checked on the
// server by a connection of our own, and the new menu and dialogs by axe-core.
import type { Page } from '@playwright/test';
import { appendMessage, mailboxStatus, withImap } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { accessibilityViolations } from './axe';
import { addAccountThroughUi, expect, test } from './fixtures';

async function serverFolders(server: MailServerInfo, user: MailUser): Promise<string[]> {
  return withImap(server, user, async (client) => (await client.list()).map((m) => m.path));
}

/** F6 until the focus is in the folder tree. */
async function focusFolderTree(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('F6');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'treeitem')) return;
  }
  throw new Error('F6 never reached the folder tree');
}

/** axe-core over the menu or dialog on screen (the window around it is the accessibility suite's). */
async function expectAccessible(page: Page, where: string, within: string): Promise<void> {
  expect(await accessibilityViolations(page, undefined, within), `accessibility violations in ${where}`).toEqual([]);
}

test('create, rename and delete a folder with the keyboard only', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(90_000);
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const tree = page.getByRole('tree', { name: 'Folders' });
  await expect(tree.getByRole('treeitem', { name: 'Inbox' })).toBeVisible({ timeout: 20_000 });

  // the palette: "New folder…"
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('New folder');
  await expect(palette.getByRole('option', { name: /^New folder…/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'New folder' });
  await expect(create).toBeVisible();
  // a name the server could not hold is explained, not sent
  await page.keyboard.type('a/b');
  await page.keyboard.press('Enter');
  await expect(create.getByText(/cannot contain “\/”/)).toBeVisible();
  await expectAccessible(page, 'the new-folder dialog', 'dialog[open]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Projects');
  await page.keyboard.press('Enter');
  await expect(create).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Projects' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => serverFolders(mailServer, user)).toContain('Projects');

  // its context menu from the keyboard: Shift+F10 on the focused folder
  await focusFolderTree(page);
  await page.keyboard.press('End');
  await expect(tree.getByRole('treeitem', { name: 'Projects' })).toBeFocused();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for Projects' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expectAccessible(page, 'the folder context menu', '.context-menu');
  // Escape closes it and gives the focus back to the folder
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Projects' })).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown'); // New folder inside this one… → Rename folder…
  await expect(menu.getByRole('menuitem', { name: 'Rename folder…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const rename = page.getByRole('dialog', { name: 'Rename Projects' });
  await expect(rename.getByLabel('Folder name')).toHaveValue('Projects');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Work');
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Work' })).toBeVisible();
  await expect.poll(() => serverFolders(mailServer, user)).toContain('Work');
  expect(await serverFolders(mailServer, user)).not.toContain('Projects');

  // special folders offer no rename or delete
  await focusFolderTree(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown'); // the account row → Inbox
  await expect(tree.getByRole('treeitem', { name: 'Inbox' })).toBeFocused();
  await page.keyboard.press('ContextMenu');
  const inboxMenu = page.getByRole('menu', { name: 'Actions for Inbox' });
  await expect(inboxMenu.getByRole('menuitem', { name: 'Delete folder…' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  // the Menu key on Work, the last item (Delete folder…), and a confirmation that starts on Cancel
  await page.keyboard.press('End');
  await expect(tree.getByRole('treeitem', { name: 'Work' })).toBeFocused();
  await page.keyboard.press('ContextMenu');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Delete folder…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Delete Work?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'the delete-folder confirmation', 'dialog[open]');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Delete folder' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Work' })).toBeHidden();
  await expect.poll(() => serverFolders(mailServer, user)).not.toContain('Work');
});

test('the messages’ context menu opens from the keyboard and runs the toolbar’s actions', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(90_000);
  await withImap(mailServer, user, (client) => client.mailboxDelete('Junk').catch(() => undefined));
  await appendMessage(
    mailServer,
    user,
    'From: Offers <offers@example.test>\r\nTo: me@example.test\r\nSubject: You have won\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <won@example.test>\r\n\r\nClaim it.\r\n',
  );
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const row = list.getByRole('option', { name: /You have won/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  await list.focus();

  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for the message' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Reply', exact: true })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Not junk' })).toHaveCount(0);
  await expectAccessible(page, 'the message context menu', '.context-menu');
  await menu.getByRole('menuitem', { name: 'Move to Junk' }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toBeHidden();
  // the account had no Junk folder: the engine made one and filed the message there
  await expect
    .poll(() =>
      mailboxStatus(mailServer, user, 'Junk')
        .then((s) => s.messages)
        .catch(() => -1),
    )
    .toBe(1);

  // in Junk, the toolbar's Not junk takes it back to the Inbox
  await page.getByRole('treeitem', { name: 'Junk' }).click();
  await list.getByRole('option', { name: /You have won/ }).click();
  await page.getByRole('toolbar', { name: 'Message actions' }).getByRole('button', { name: 'Not junk' }).click();
  await expect.poll(() => mailboxStatus(mailServer, user, 'INBOX').then((s) => s.messages)).toBe(1);
});

test('drag a selection onto a folder, undo it, and copy with Ctrl held', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(90_000);
  await withImap(mailServer, user, (client) => client.mailboxCreate('Projects').then(() => undefined));
  for (let i = 1; i <= 3; i++)
    await appendMessage(
      mailServer,
      user,
      `From: Team <team@example.test>\r\nTo: me@example.test\r\nSubject: Plan part ${i}\r\n` +
        `Date: Tue, 03 Mar 2026 1${i}:00:00 +0000\r\nMessage-ID: <plan${i}@example.test>\r\n\r\nPart ${i}.\r\n`,
    );
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const row = (i: number) => list.getByRole('option', { name: new RegExp(`Plan part ${i}\\b`) });
  const projects = page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'Projects' });
  await expect(row(3)).toBeVisible({ timeout: 20_000 });
  const count = (path: string) => mailboxStatus(mailServer, user, path).then((s) => s.messages);

  await row(1).click();
  await row(2).click({ modifiers: ['ControlOrMeta'] });
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');

  // a drag of the selection moves both
  await row(2).dragTo(projects);
  await expect(row(1)).toBeHidden();
  await expect(row(2)).toBeHidden();
  await expect(row(3)).toBeVisible();
  await expect.poll(() => count('Projects')).toBe(2);

  // undo brings both back, on the server too
  await list.focus();
  await page.keyboard.press('Control+Z');
  await expect(row(1)).toBeVisible();
  await expect(row(2)).toBeVisible();
  await expect.poll(() => count('INBOX')).toBe(3);
  await expect.poll(() => count('Projects')).toBe(0);

  // Ctrl held at the drop copies: the message stays here and a copy lands in Projects; the
  // folder under the pointer is highlighted while it takes the drop
  await row(3).click();
  await row(3).hover();
  await page.mouse.down();
  const box = (await projects.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + 24, box.y + box.height / 2, { steps: 2 });
  await expect(projects).toHaveClass(/is-drop-target/);
  await page.keyboard.down('Control');
  await page.mouse.up();
  await page.keyboard.up('Control');
  await expect.poll(() => count('Projects')).toBe(1);
  expect(await count('INBOX')).toBe(3);
  await expect(row(3)).toBeVisible();
  await expect(projects).not.toHaveClass(/is-drop-target/);
});

test('a folder moved into another from its dialog, and how far back the account syncs', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await withImap(mailServer, user, async (client) => {
    await client.mailboxCreate('Clients');
    await client.mailboxCreate('Projects');
  });
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const tree = page.getByRole('tree', { name: 'Folders' });
  await expect(tree.getByRole('treeitem', { name: 'Projects' })).toBeVisible({ timeout: 20_000 });

  // "Move folder…": the choice focused, the move made on the server
  await tree.getByRole('treeitem', { name: 'Projects' }).click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Actions for Projects' })
    .getByRole('menuitem', { name: 'Move folder…' })
    .click();
  const move = page.getByRole('dialog', { name: 'Move Projects' });
  const into = move.getByLabel('Move into');
  await expect(into).toBeFocused();
  await expectAccessible(page, 'the move-folder dialog', 'dialog[open]');
  await into.selectOption({ label: 'Clients' });
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(move).toBeHidden();
  await expect.poll(() => serverFolders(mailServer, user)).toContain('Clients/Projects');

  // the sync window: it starts at what the engine holds (all time), and keeps what is saved
  const syncWindow = async () => {
    await page.keyboard.press('Control+K');
    await page.keyboard.type('How far back');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'How far back to sync' });
    const field = dialog.getByLabel('Sync messages from');
    await expect(field).toBeEnabled();
    return { dialog, field };
  };
  const first = await syncWindow();
  await expect(first.field).toHaveValue('all');
  await expect(first.dialog).toHaveAccessibleDescription(/Very large mailboxes sync faster/);
  await expectAccessible(page, 'the sync-window dialog', 'dialog[open]');
  await first.field.selectOption({ label: 'The last 3 months' });
  await first.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(first.dialog).toBeHidden();
  const again = await syncWindow();
  await expect(again.field).toHaveValue('3');
});
