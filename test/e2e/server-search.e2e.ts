// A word only a body holds (the body never downloaded): the local results have nothing, then
// the server's SEARCH finds it and the row joins the results, marked as found on the server.
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const FILLER = 'Some ordinary words about the weather and the trains. '.repeat(40);
const raw = (subject: string, day: number, body: string) =>
  `From: Alice Ahlgren <alice@example.test>\r\nTo: E2E <e2e@example.test>\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <server-${day}@example.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${FILLER}\r\n${body}\r\n`;

test('a word in a body never downloaded is found on the server and marked so', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  await appendMessage(mailServer, user, raw('Travel plans', 1, 'We land in Zanzibar on Monday.'), 'INBOX');
  await appendMessage(mailServer, user, raw('Zanzibar photos', 2, 'Pictures attached soon.'), 'INBOX');
  await appendMessage(mailServer, user, raw('Lunch', 3, 'Noon at the usual place.'), 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(3, { timeout: 20_000 });

  const searchbox = page.getByRole('search', { name: 'Search mail' }).getByRole('searchbox', { name: 'Search mail' });
  await searchbox.fill('zanzibar');
  // the subject matches locally at once; the body-only one joins when the server has answered
  await expect(list.getByRole('option', { name: /Zanzibar photos/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Also searched on the server (1 folder)' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(list.getByRole('option')).toHaveCount(2);
  const fromServer = list.getByRole('option', { name: /Travel plans.*found on the server/ });
  await expect(fromServer).toBeVisible();
  await expect(fromServer).toContainText('On server');
  // each message once; the local hit carries no mark
  await expect(list.getByRole('option', { name: /Zanzibar photos.*found on the server/ })).toHaveCount(0);
  await screenshot(page, 'search-found-on-server');

  // opening it reads the body from the server like any other message
  await fromServer.click();
  await expect(
    page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Travel plans' }),
  ).toBeVisible();
});
