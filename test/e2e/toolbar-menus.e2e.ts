// The toolbar's menus (Move to…, Tag) by keyboard alone, as the WAI-ARIA menu pattern has it: the
// focus starts on the first item, Down and Up wrap, Home and End reach the ends, Escape and Tab
// close the menu and give the focus back to its button; an item chosen with Enter runs. The
// context menus' keys are in folders.e2e.ts; all of them share renderer/ui/use-menu-keys.ts.
import { appendMessage, mailboxStatus, withImap } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, test } from './fixtures';

test('the Move and Tag menus by keyboard: arrows wrap, Home and End, Escape and Tab give the focus back', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  // one folder of the user's among the standard ones: the menu has items on both sides of it
  await withImap(mailServer, user, (client) => client.mailboxCreate('Clients').then(() => undefined));
  await appendMessage(
    mailServer,
    user,
    'From: Team <team@example.test>\r\nTo: me@example.test\r\nSubject: Where does this go\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <where@example.test>\r\n\r\nSomewhere.\r\n',
  );
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const row = page.getByRole('listbox', { name: 'Messages' }).getByRole('option', { name: /Where does this go/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.click();
  const toolbar = page.getByRole('toolbar', { name: 'Message actions' });

  // Tag: its first items are checkboxes, its last a plain item; Tab closes it
  const tagButton = toolbar.getByRole('button', { name: 'Tag', exact: true });
  await tagButton.focus();
  await page.keyboard.press('Enter');
  const tags = page.getByRole('menu', { name: 'Tags' });
  await expect(tags.getByRole('menuitemcheckbox').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(tags.getByRole('menuitem', { name: 'Remove all tags' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(tags.getByRole('menuitemcheckbox').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tags).toBeHidden();
  await expect(tagButton).toBeFocused();

  // Move to…: every folder but this one
  const moveButton = toolbar.getByRole('button', { name: 'Move to…' });
  await moveButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Folders to move to' });
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(moveButton).toBeFocused();

  // chosen with Enter, an item moves the message there
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  const clients = menu.getByRole('menuitem', { name: 'Move to Clients' });
  while (!(await clients.evaluate((item) => item === document.activeElement))) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(row).toBeHidden();
  await expect.poll(() => mailboxStatus(mailServer, user, 'Clients').then((s) => s.messages)).toBe(1);
});
