// A link whose text shows one host and whose address goes to another opens only after a
// warning that names both; "Don't open" opens nothing.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

function phishingMessage(): Buffer {
  const html =
    '<p>Your account is locked. Sign in at <a href="https://mybank.example.evil.test/login">www.mybank.example</a>.</p>';
  return Buffer.from(
    'From: Bank <support@mybank.example.evil.test>\r\nTo: you@example.test\r\nSubject: Account locked\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <locked@evil.test>\r\nMIME-Version: 1.0\r\n' +
      `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
  );
}

test('a link that shows another host than it goes to asks first', async ({ page, shell, mailServer, user }) => {
  await appendMessage(mailServer, user, phishingMessage(), 'INBOX');
  // what the popup asks for is recorded, never fetched
  const requested: string[] = [];
  await page.context().route(/evil\.test/, (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  const popups: string[] = [];
  page.context().on('page', (opened) => popups.push(opened.url()));

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page
    .getByRole('listbox', { name: 'Messages' })
    .getByRole('option', { name: /Account locked/ })
    .click();
  const frame = page.getByRole('region', { name: 'Message' }).frameLocator('iframe[title="Message body"]');

  await frame.getByRole('link', { name: 'www.mybank.example' }).click();
  const warning = page.getByRole('alertdialog', { name: 'This link may not go where it says' });
  await expect(warning).toContainText('The link shows mybank.example, but it goes to mybank.example.evil.test.');
  await screenshot(page, 'deceptive-link');
  // the safe choice has the focus; Escape is "Don't open", and the focus goes back to the message
  await expect(warning.getByRole('button', { name: 'Don’t open' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(warning).toBeHidden();
  await expect(page.locator('iframe[title="Message body"]')).toBeFocused();

  await frame.getByRole('link', { name: 'www.mybank.example' }).click();
  await warning.getByRole('button', { name: 'Don’t open' }).click();
  await expect(warning).toBeHidden();
  expect(popups).toEqual([]);
  expect(requested).toEqual([]);

  await frame.getByRole('link', { name: 'www.mybank.example' }).click();
  const popup = page.waitForEvent('popup');
  await warning.getByRole('button', { name: 'Open mybank.example.evil.test anyway' }).click();
  await popup;
  await expect.poll(() => requested).toContain('https://mybank.example.evil.test/login');
});
