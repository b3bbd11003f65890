// Sorting and quick filters in Chromium: the list header's sort picker and direction button,
// the sort remembered after a reload, the quick filters beside the search field (alone, together
// and with a search), the same sort from the command palette, and conversation mode (newest
// first, unfiltered) beside them.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const raw = (from: string, subject: string, day: number, attachment = false) => {
  const head =
    `From: ${from}\r\nTo: E2E <e2e@example.test>\r\nSubject: ${subject}\r\n` +
    `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <order-${day}@example.test>\r\n`;
  if (!attachment) return `${head}Content-Type: text/plain; charset=utf-8\r\n\r\n${subject}\r\n`;
  return (
    `${head}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n` +
    `${subject}\r\n--b\r\nContent-Type: application/pdf; name=plan.pdf\r\nContent-Disposition: attachment; filename=plan.pdf\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n`
  );
};

test('sort from the list header and the palette, remembered; quick filters alone and with a search', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  await appendMessage(mailServer, user, raw('Carl Ceder <carl@example.test>', 'Budget notes', 1), 'INBOX', ['\\Seen']);
  await appendMessage(mailServer, user, raw('Anna Ahl <anna@example.test>', 'Plan draft', 2, true), 'INBOX', [
    '\\Flagged',
  ]);
  await appendMessage(mailServer, user, raw('Bo Berg <bo@example.test>', 'Budget final', 3), 'INBOX', []);
  await appendMessage(mailServer, user, raw('Dan Dahl <dan@example.test>', 'Lunch', 4), 'INBOX', ['\\Seen']);

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const order = async () =>
    (await list.getByRole('option').allTextContents()).map(
      (text) => ['Budget notes', 'Plan draft', 'Budget final', 'Lunch'].find((s) => text.includes(s)) ?? text,
    );
  await expect(list.getByRole('option')).toHaveCount(4, { timeout: 20_000 });
  await expect.poll(order).toEqual(['Lunch', 'Budget final', 'Plan draft', 'Budget notes']);

  // the header: by sender (A to Z), then the direction button turns it around
  const sorting = page.getByRole('group', { name: 'Sorting' });
  await sorting.getByRole('combobox', { name: 'Sort by' }).selectOption('sender');
  await expect.poll(order).toEqual(['Plan draft', 'Budget final', 'Budget notes', 'Lunch']);
  await sorting.getByRole('button', { name: 'Sort order: A to Z' }).click();
  await expect(sorting.getByRole('button', { name: 'Sort order: Z to A' })).toBeVisible();
  await expect.poll(order).toEqual(['Lunch', 'Budget notes', 'Budget final', 'Plan draft']);
  await screenshot(page, 'list-sorted-by-sender');

  // remembered: after a reload the list is still by sender, Z to A
  await page.reload();
  await expect(list.getByRole('option')).toHaveCount(4, { timeout: 20_000 });
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('sender');
  await expect.poll(order).toEqual(['Lunch', 'Budget notes', 'Budget final', 'Plan draft']);

  // the palette: "Sort by date" (newest first, its own first direction)
  await list.focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('sort by date');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Sort by date');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('date');
  await expect.poll(order).toEqual(['Lunch', 'Budget final', 'Plan draft', 'Budget notes']);

  // quick filters: toggles beside the search field, combinable
  const filters = page.getByRole('group', { name: 'Quick filters' });
  const unread = filters.getByRole('button', { name: 'Unread' });
  await unread.click();
  await expect(unread).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(order).toEqual(['Budget final', 'Plan draft']);
  await filters.getByRole('button', { name: 'Attachments' }).click();
  await expect.poll(order).toEqual(['Plan draft']);
  await filters.getByRole('button', { name: 'Attachments' }).click();
  await screenshot(page, 'list-quick-filter-unread');

  // reading an unread message with "Unread" on: it is marked read but stays while it is open,
  // and leaves once another is opened
  await list.getByRole('option', { name: /Budget final/ }).click();
  await expect(
    page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Budget final' }),
  ).toBeVisible();
  await expect(page.locator('.list-unread').getByText('1 unread')).toBeVisible();
  // the list was read again after the change (the row no longer says "Unread"), and kept it
  await expect(list.getByRole('option', { name: /^Bo Berg, Budget final/ })).toBeVisible();
  await expect.poll(order).toEqual(['Budget final', 'Plan draft']);
  await list.getByRole('option', { name: /Plan draft/ }).click();
  await expect.poll(order).toEqual(['Plan draft']);

  // with a search: "budget" among the unread only, then among all
  const searchbox = page.getByRole('search', { name: 'Search mail' }).getByRole('searchbox', { name: 'Search mail' });
  await searchbox.fill('budget');
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  // both budget messages are read by now: none is unread
  await expect(page.getByText('No messages match')).toBeVisible();
  await unread.click();
  await expect(unread).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(order).toEqual(['Budget final', 'Budget notes']);

  // starred from the palette, in the folder again
  await searchbox.press('Escape');
  await page.keyboard.press('Control+k');
  await palette.getByRole('combobox').fill('only starred');
  await page.keyboard.press('Enter');
  await expect(filters.getByRole('button', { name: 'Starred' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(order).toEqual(['Plan draft']);

  // conversations are newest first and unfiltered: no sort in the header, the filters wait
  await page.getByRole('button', { name: 'Show as conversations' }).click();
  await expect.poll(order).toEqual(['Lunch', 'Budget final', 'Plan draft', 'Budget notes']);
  await expect(page.getByRole('group', { name: 'Sorting' })).toHaveCount(0);
  await expect(filters.getByRole('button', { name: 'Starred' })).toBeDisabled();
  // and back: the message list's sort and filter were kept
  await page.getByRole('button', { name: 'Show as messages' }).click();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('date');
  await expect(filters.getByRole('button', { name: 'Starred' })).toBeEnabled();
  await expect.poll(order).toEqual(['Plan draft']);
});
