// The status line can be long (a refused password names the account and the server); in a
// narrow window it is cut with an ellipsis and never widens the window's layout, so the button
// that fixes the state ("Enter password…") and the reading pane stay on screen; that button's
// prompt takes the new password and the account signs in again.
import { changeMailUserPassword } from '../support/mail-users';
import { addressAndTitle, newMessage, send } from './composing';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test.use({ viewport: { width: 760, height: 600 } });

test('a long status line in a narrow window keeps its button on screen, and the button fixes it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const changed = `${user.password}-changed`;
  await changeMailUserPassword(mailServer, user, changed);

  // sending meets the refused password: the whole account waits for a new one
  const composer = await newMessage(page);
  await addressAndTitle(composer, user.address, 'After the password change');
  await send(composer);

  const status = page.getByRole('status').filter({ hasText: 'did not accept the password' });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'status-narrow-auth-failed');
  const enterPassword = page.getByRole('button', { name: 'Enter password…' });
  const box = (await enterPassword.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(760);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(760);

  // the prompt: nothing to send until a password is typed; the new one signs the account in
  await enterPassword.click();
  const prompt = page.getByRole('dialog', { name: 'Enter password' });
  await expect(prompt.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  await prompt.getByLabel('Password', { exact: true }).fill(changed);
  await prompt.getByRole('button', { name: 'Sign in' }).click();
  await expect(prompt).toBeHidden();
  await expect(status).toBeHidden({ timeout: 30_000 });
});
