// "Open" on an attachment the open policy refuses (an archive can hide a program): the browser
// shell saves it, as the desktop app does, and says why, in the user's language; a PDF still opens.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, test } from './fixtures';

function withAttachments(): Buffer {
  const part = (name: string, type: string) =>
    `--z\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n` +
    'Content-Transfer-Encoding: base64\r\n\r\nUEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\r\n';
  return Buffer.from(
    'From: Billing <billing@example.test>\r\nTo: you@example.test\r\nSubject: Your invoice\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <invoice@example.test>\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary="z"\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nSee the invoice.\r\n' +
      part('invoice.zip', 'application/zip') +
      part('invoice.pdf', 'application/pdf') +
      '--z--\r\n',
  );
}

test('opening an archive saves it and says why; a PDF opens', async ({ page, shell, mailServer, user }) => {
  await appendMessage(mailServer, user, withAttachments(), 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page
    .getByRole('listbox', { name: 'Messages' })
    .getByRole('option', { name: /Your invoice/ })
    .click();
  const attachments = page.getByRole('region', { name: 'Attachments' });

  const download = page.waitForEvent('download');
  await attachments.getByRole('button', { name: 'Open invoice.zip' }).click();
  expect((await download).suggestedFilename()).toBe('invoice.zip');
  const notice = attachments.getByText('invoice.zip was saved, not opened');
  await expect(notice).toHaveText(
    'invoice.zip was saved, not opened: an archive can hide programs that would run when opened. Open it from your downloads only if you trust it.',
  );
  // polite, for screen readers, without being a second status next to the status bar's
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('status')).toHaveCount(1);

  const popup = page.waitForEvent('popup');
  await attachments.getByRole('button', { name: 'Open invoice.pdf' }).click();
  await popup;
  await expect(notice).toBeHidden();
});
