// The reader's tools on an ordinary message: View source (Ctrl+U and the palette) in a monospace
// view with a copy button, All headers, Save as .eml (a download in the browser shell) and the
// print view, where only the message and its headers are left of the window.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const RAW = Buffer.from(
  'From: Ada Lovelace <ada@example.test>\r\nTo: you@example.test\r\nSubject: Engine notes\r\n' +
    'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <notes@example.test>\r\nX-Mailer: Analytical 1.0\r\n' +
    'Received: from relay.example.test by mx.example.test; Tue, 03 Mar 2026 10:00:01 +0000\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
    '<p>The engine <b>weaves</b> algebraic patterns.</p>\r\n',
);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('view source, all headers, save as .eml and print view', async ({ page, shell, mailServer, user }) => {
  await appendMessage(mailServer, user, RAW, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page
    .getByRole('listbox', { name: 'Messages' })
    .getByRole('option', { name: /Engine notes/ })
    .click();
  const reader = page.getByRole('region', { name: 'Message' });
  await expect(reader.getByRole('heading', { name: 'Engine notes' })).toBeVisible();

  // Ctrl+U (the Gmail preset's key) opens the source: the raw HTML as text, never rendered.
  await page.getByRole('listbox', { name: 'Messages' }).focus();
  await page.keyboard.press('Control+U');
  const source = page.getByRole('dialog', { name: 'Message source' });
  const text = source.getByLabel('Message source', { exact: true });
  await expect(text).toContainText('X-Mailer: Analytical 1.0');
  await expect(text).toContainText('<p>The engine <b>weaves</b> algebraic patterns.</p>');
  expect(await text.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono/i);
  await source.getByRole('button', { name: 'Copy' }).click();
  await expect(source.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Subject: Engine notes\nDate:');
  await page.keyboard.press('Escape');
  await expect(source).toBeHidden();

  // All headers, from the palette: the header section only.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Type a command or a folder…' }).fill('all headers');
  await page.keyboard.press('Enter');
  const headers = page.getByRole('dialog', { name: 'All headers' });
  await expect(headers.getByLabel('All headers', { exact: true })).toContainText('Received: from relay.example.test');
  await expect(headers.getByLabel('All headers', { exact: true })).not.toContainText('algebraic');
  await headers.getByRole('button', { name: 'Close' }).click();
  await expect(headers).toBeHidden();

  // Save as .eml: in the browser shell, a download of the message as the server keeps it.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Engine notes.eml');
  const saved = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(RAW)).toBe(true);

  // Print: Ctrl+P asks the browser to print; the print view keeps the message and its headers only.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.keyboard.press('Control+P');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(reader.getByRole('heading', { name: 'Engine notes' })).toBeVisible();
  await expect(reader.getByText('ada@example.test', { exact: true })).toBeVisible();
  await expect(reader.getByText('you@example.test', { exact: true })).toBeVisible();
  await expect(page.frameLocator('iframe[title="Message body"]').getByText('weaves')).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Messages' })).toBeHidden();
  await expect(page.getByRole('navigation').first()).toBeHidden();
  await expect(page.getByRole('toolbar').first()).toBeHidden();
  await expect(page.getByRole('status').first()).toBeHidden();
  await screenshot(page, 'print-view');
  const pdf = await page.pdf();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('listbox', { name: 'Messages' })).toBeVisible();
});
