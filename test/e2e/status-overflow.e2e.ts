// The status line can be long (a refused password names the account and the server); in a
// narrow window it is cut with an ellipsis and never widens the window's layout, so the button
// that fixes the state ("Enter password…") and the reading pane stay on screen.
import { changeMailUserPassword } from '../support/mail-users';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 760, height: 600 } });

test('a long status line in a narrow window keeps its button on screen', async ({ page, shell, mailServer, user }) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await changeMailUserPassword(mailServer, user, `${user.password}-changed`);

  // sending meets the refused password: the whole account waits for a new one
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await composer.getByLabel('Subject', { exact: true }).fill('After the password change');
  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(composer).toBeHidden();

  const status = page.getByRole('status').filter({ hasText: 'did not accept the password' });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'status-narrow-auth-failed');
  const enterPassword = page.getByRole('button', { name: 'Enter password…' });
  const box = (await enterPassword.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(760);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(760);
});
