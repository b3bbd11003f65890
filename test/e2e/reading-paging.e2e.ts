// Reading with Space: Space pages the open message down, Shift+Space back up, and Space at its
// end opens the next message (issue #7). The body frame is sized to its content, so the reading
// pane itself scrolls; the keyboard focus stays where the reader left it.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, test } from './fixtures';

function htmlMessage(subject: string, date: string, html: string): Buffer {
  return Buffer.from(
    `From: Editor <editor@example.test>\r\nTo: you@example.test\r\nSubject: ${subject}\r\n` +
      `Date: ${date}\r\nMessage-ID: <${subject.replace(/\W+/g, '-')}@example.test>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n') +
      '\r\n',
  );
}

const paragraphs = Array.from(
  { length: 120 },
  (_, i) => `<p>Paragraph ${i + 1}: the long read goes on, and on, so that it takes several pages.</p>`,
).join('');

test('Space pages the open message, Shift+Space pages back, Space at the end opens the next one', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  // newest first in the list: the long read, then the next message below it
  await appendMessage(
    mailServer,
    user,
    htmlMessage('The long read', 'Tue, 03 Mar 2026 10:00:00 +0000', `<h1>Start</h1>${paragraphs}<p>The end.</p>`),
  );
  await appendMessage(
    mailServer,
    user,
    htmlMessage('The next one', 'Mon, 02 Mar 2026 10:00:00 +0000', '<p>Short and sweet.</p>'),
  );
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);

  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  const frame = reader.frameLocator('iframe[title="Message body"]');
  await list.getByRole('option', { name: /The long read/ }).click();
  await expect(frame.locator('body')).toContainText('The end.');
  await expect(list).toBeFocused();

  // the frame is as tall as its content, so the pane scrolls, not the frame
  const body = reader.locator('iframe[title="Message body"]');
  await expect
    .poll(async () => (await body.boundingBox())?.height ?? 0)
    .toBeGreaterThan(await reader.evaluate((el) => el.clientHeight * 2));
  const scrollTop = () => reader.evaluate((el) => el.scrollTop);
  const page1 = await reader.evaluate((el) => el.clientHeight);
  expect(await scrollTop()).toBe(0);

  await page.keyboard.press('Space');
  await expect.poll(scrollTop).toBeGreaterThan(page1 * 0.8);
  expect(await scrollTop()).toBeLessThanOrEqual(page1);
  // the reader's focus did not move: j/k still work from the list
  await expect(list).toBeFocused();

  await page.keyboard.press('Shift+Space');
  await expect.poll(scrollTop).toBe(0);
  // Shift+Space at the top of the first message goes nowhere (there is no previous one)
  await page.keyboard.press('Shift+Space');
  await expect(reader.getByRole('heading', { name: 'The long read' })).toBeVisible();

  // page to the end: each Space moves on by about a page, never past the end
  const max = await reader.evaluate((el) => el.scrollHeight - el.clientHeight);
  let previous = 0;
  while (previous < max - 1) {
    await page.keyboard.press('Space');
    await expect.poll(scrollTop).toBeGreaterThan(previous);
    previous = await scrollTop();
  }
  await expect(reader.getByRole('heading', { name: 'The long read' })).toBeVisible();
  // at the end, Space opens the next message, at its top
  await page.keyboard.press('Space');
  await expect(reader.getByRole('heading', { name: 'The next one' })).toBeVisible();
  await expect(frame.locator('body')).toContainText('Short and sweet.');
  await expect(list.getByRole('option', { name: /The next one/ })).toHaveAttribute('aria-selected', 'true');
  expect(await scrollTop()).toBe(0);
  await expect(list).toBeFocused();

  // from the reading pane (Enter moves the focus there) paging works the same and keeps the focus
  await page.keyboard.press('k');
  await expect(reader.getByRole('heading', { name: 'The long read' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(reader).toBeFocused();
  await page.keyboard.press('Space');
  await expect.poll(scrollTop).toBeGreaterThan(page1 * 0.8);
  await expect(reader).toBeFocused();

  // with the focus inside the message body (clicked into), the shortcuts still reach the app
  await frame.getByText('Paragraph 20:').click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  await page.keyboard.press('j');
  await expect(reader.getByRole('heading', { name: 'The next one' })).toBeVisible();
  await expect(list.getByRole('option', { name: /The next one/ })).toHaveAttribute('aria-selected', 'true');
});
