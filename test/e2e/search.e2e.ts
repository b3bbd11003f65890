// A person searches with the keyboard alone: "/" to the search field, a query that narrows the
// Inbox as it is typed (each row saying where it lives), Enter into the results, Enter to read
// one, j to the next, e to archive it from the results, Esc back step by step to the folder; a
// query that matches nothing says so.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const raw = (from: string, subject: string, day: number, body: string) =>
  `From: ${from}\r\nTo: E2E <e2e@example.test>\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <search-${day}@example.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

test('search with the keyboard: "/", type, Enter into the results, open, archive, Esc back', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  const messages = [
    raw('Alice Ahlgren <alice@example.test>', 'Budget review for March', 1, 'The numbers.'),
    raw('Bob Berg <bob@example.test>', 'Lunch on Friday', 2, 'Noon?'),
    raw('Alice Ahlgren <alice@example.test>', 'Budget approved', 3, 'Go ahead.'),
    raw('Carl Ceder <carl@example.test>', 'Holiday photos', 4, 'From the budget trip.'),
  ];
  for (const message of messages) await appendMessage(mailServer, user, message, 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  const searchbox = page.getByRole('search', { name: 'Search mail' }).getByRole('searchbox', { name: 'Search mail' });
  const row = (subject: string) => list.getByRole('option', { name: new RegExp(subject) });
  await expect(list.getByRole('option')).toHaveCount(4, { timeout: 20_000 });
  await list.focus();

  // "/" goes to the search field; typing narrows the list as it goes (snippets count too)
  await page.keyboard.press('/');
  await expect(searchbox).toBeFocused();
  await page.keyboard.type('budg');
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(3);
  await page.keyboard.type(' from:alice');
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(row('Budget approved')).toContainText('Inbox');
  await screenshot(page, 'search-results');

  // Enter: into the results, the newest selected; Enter opens it, j reads the next
  await page.keyboard.press('Enter');
  await expect(list).toBeFocused();
  await expect(row('Budget approved')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(reader.getByRole('heading', { name: 'Budget approved' })).toBeVisible();
  await expect(reader).toBeFocused();
  await page.keyboard.press('j');
  await expect(reader.getByRole('heading', { name: 'Budget review for March' })).toBeVisible();

  // triage works on results: e archives it, and it leaves this folder's results
  await page.keyboard.press('e');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(row('Budget review for March')).toHaveCount(0);

  // Esc steps back: to the list, then out of the search into the folder
  await page.keyboard.press('Escape');
  await expect(list).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchbox).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list).toBeFocused();

  // all mail finds the archived one again; nothing matching says so
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search in' }).selectOption('all');
  await searchbox.fill('march');
  await expect(row('Budget review for March')).toContainText('Archive');
  await searchbox.fill('zebra');
  await expect(page.getByText('No messages match')).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(0);
  await searchbox.press('Escape');
  await expect(list.getByRole('option')).toHaveCount(3);
});
