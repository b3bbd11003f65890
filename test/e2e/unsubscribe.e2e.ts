// Unsubscribe and sender warnings in the reader: a list message offers "Unsubscribe", asks
// first, and then the engine POSTs RFC 8058's one-click body to the list's server (a local one
// here, reachable only through the tests' loopback allowance). A sender imitating a known domain
// is named as such.
import { createServer } from 'node:http';
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, test } from './fixtures';

test.use({ shellEnv: { MAIL_TEST_ALLOW_LOOPBACK_IMAGES: '1' } });

test('unsubscribe by one-click after confirming; a lookalike sender is named', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const posts: string[] = [];
  const list = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      posts.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => list.listen(0, '127.0.0.1', resolve));
  const port = (list.address() as { port: number }).port;
  try {
    await appendMessage(
      mailServer,
      user,
      Buffer.from(
        'From: Weekly News <news@lists.example.test>\r\nTo: you@example.test\r\nSubject: This week\r\n' +
          'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <week@lists.example.test>\r\n' +
          `List-Unsubscribe: <http://127.0.0.1:${port}/u/abc>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nNews.\r\n`,
      ),
      'INBOX',
    );
    await appendMessage(
      mailServer,
      user,
      Buffer.from(
        'From: "service@paypal.com" <service@paypa1.com>\r\nTo: you@example.test\r\nSubject: Your account\r\n' +
          'Date: Tue, 03 Mar 2026 11:00:00 +0000\r\nMessage-ID: <acct@paypa1.com>\r\n\r\nPlease log in.\r\n',
      ),
      'INBOX',
    );
    await page.goto(shell.url);
    await addAccountThroughUi(page, mailServer, user);
    const list_ = page.getByRole('listbox', { name: 'Messages' });
    const reader = page.getByRole('region', { name: 'Message' });

    await list_.getByRole('option', { name: /Your account/ }).click();
    await expect(reader.getByText('paypa1.com looks like paypal.com but is another domain.')).toBeVisible();
    await expect(
      reader.getByText('The name shows the address service@paypal.com, but the message is from another address.'),
    ).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Unsubscribe' })).toBeHidden();

    await list_.getByRole('option', { name: /This week/ }).click();
    await reader.getByRole('button', { name: 'Unsubscribe' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Unsubscribe from this list?' });
    await expect(confirm).toBeVisible();
    expect(posts).toEqual([]); // nothing before the user confirms
    await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(reader.getByText('You are unsubscribed.')).toBeVisible();
    expect(posts).toEqual(['POST /u/abc List-Unsubscribe=One-Click']);
  } finally {
    await new Promise<void>((resolve) => list.close(() => resolve()));
  }
});
