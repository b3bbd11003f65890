// The context menu on a link in a message: opened by right-click and by the keyboard (Shift+F10,
// the Menu key) on a focused link; it copies the link's address or the bare email address, opens
// the link by the same path as a click (a deceptive link still gets its warning), and "Write to…"
// opens the app's composer to the address.
import { appendMessage } from '../mailserver/imap-helpers';
import { accessibilityViolations } from './axe';
import { addAccountThroughUi, expect, test } from './fixtures';

function linkMessage(): Buffer {
  const html =
    '<p>Read <a href="https://docs.example.test/guide?x=1">the guide</a>, ask ' +
    '<a href="mailto:anna@partner.example?subject=Guide">Anna</a> or sign in at ' +
    '<a href="https://mybank.example.evil.test/login">www.mybank.example</a>.</p>';
  return Buffer.from(
    'From: Team <team@example.test>\r\nTo: you@example.test\r\nSubject: Links inside\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <links@example.test>\r\nMIME-Version: 1.0\r\n' +
      `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
  );
}

test('a link in a message has a context menu by mouse and keyboard', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(120_000);
  await appendMessage(mailServer, user, linkMessage(), 'INBOX');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shell.url).origin });
  // what a popup asks for is recorded, never fetched
  const requested: string[] = [];
  await page.context().route(/example\.test|evil\.test/, (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page
    .getByRole('listbox', { name: 'Messages' })
    .getByRole('option', { name: /Links inside/ })
    .click();
  const frame = page.getByRole('region', { name: 'Message' }).frameLocator('iframe[title="Message body"]');

  // right-click: the menu is named for the link, and copies its address
  await frame.getByRole('link', { name: 'the guide' }).click({ button: 'right' });
  const guideMenu = page.getByRole('menu', { name: 'Actions for the link https://docs.example.test/guide?x=1' });
  await expect(guideMenu.getByRole('menuitem')).toHaveText(['Open link', 'Copy link address']);
  await expect(guideMenu.getByRole('menuitem', { name: 'Open link' })).toBeFocused();
  expect(await accessibilityViolations(page, undefined, '.context-menu')).toEqual([]);
  await guideMenu.getByRole('menuitem', { name: 'Copy link address' }).click();
  await expect(guideMenu).toBeHidden();
  await expect.poll(clipboard).toBe('https://docs.example.test/guide?x=1');

  // the keyboard: Shift+F10 on the focused link, arrows and Enter; Escape gives the focus back
  await frame.getByRole('link', { name: 'Anna' }).focus();
  await page.keyboard.press('Shift+F10');
  const annaMenu = page.getByRole('menu', { name: 'Actions for the link anna@partner.example' });
  await expect(annaMenu.getByRole('menuitem')).toHaveText([
    'Open link',
    'Copy link address',
    'Copy email address',
    'Write to anna@partner.example…',
  ]);
  await page.keyboard.press('Escape');
  await expect(annaMenu).toBeHidden();
  await expect(page.locator('iframe[title="Message body"]')).toBeFocused();

  await frame.getByRole('link', { name: 'Anna' }).focus();
  await page.keyboard.press('ContextMenu');
  await expect(annaMenu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(annaMenu.getByRole('menuitem', { name: 'Copy email address' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(annaMenu).toBeHidden();
  await expect.poll(clipboard).toBe('anna@partner.example');

  // Write to…: the app's composer, filled from the link
  await frame.getByRole('link', { name: 'Anna' }).click({ button: 'right' });
  await annaMenu.getByRole('menuitem', { name: 'Write to anna@partner.example…' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer).toBeVisible();
  await expect(composer.getByRole('list', { name: 'To recipients', exact: true }).getByRole('listitem')).toHaveText([
    'anna@partner.example',
  ]);
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue('Guide');
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  // Open link: an ordinary link opens in a new window, as a click does
  await frame.getByRole('link', { name: 'the guide' }).click({ button: 'right' });
  const popup = page.waitForEvent('popup');
  await guideMenu.getByRole('menuitem', { name: 'Open link' }).click();
  await popup;
  await expect.poll(() => requested).toContain('https://docs.example.test/guide?x=1');

  // ... and a deceptive one is held back for the same warning as a click
  await frame.getByRole('link', { name: 'www.mybank.example' }).click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Actions for the link https://mybank.example.evil.test/login' })
    .getByRole('menuitem', { name: 'Open link' })
    .click();
  const warning = page.getByRole('alertdialog', { name: 'This link may not go where it says' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Don’t open' }).click();
  expect(requested.some((url) => url.includes('evil.test'))).toBe(false);
});
