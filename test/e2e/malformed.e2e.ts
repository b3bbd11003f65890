// Every message shows something, in the app: a forwarded message's text one level down is the
// body, and a message with no part that can be shown says so in words and offers its source.
import { appendMessage } from '../mailserver/imap-helpers';
import { MALFORMED_SAMPLES } from '../mailserver/malformed-samples';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test('a message with nothing to show says so and offers its source; a forward shows its text', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  for (const name of ['noBody', 'attachmentOnly', 'forwardOnly'] as const)
    await appendMessage(mailServer, user, MALFORMED_SAMPLES[name], 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(3);
  const reader = page.getByRole('region', { name: 'Message' });
  const frame = reader.frameLocator('iframe[title="Message body"]');

  await list.getByRole('option', { name: /Fwd: only/ }).click();
  await expect(frame.locator('body')).toContainText('The text of the forwarded message.');

  await list.getByRole('option', { name: /no body/ }).click();
  await expect(reader.getByText('Mail cannot show any part of this message: it has no text.')).toBeVisible();
  await reader.getByRole('button', { name: 'Show source' }).click();
  await expect(frame.locator('body')).toContainText('Subject: no body');
  await screenshot(page, 'no-readable-part-source');

  await list.getByRole('option', { name: /attachment only/ }).click();
  await expect(reader.getByText('What it contains is in the attachments above.')).toBeVisible();
  await expect(reader.getByRole('region', { name: 'Attachments' })).toContainText('data.bin');
});
