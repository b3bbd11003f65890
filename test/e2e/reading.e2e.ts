// A person adds an account and reads mail: folders with unread counts, a long list, HTML,
// plain-text and attachment messages, and mail arriving from another device without a reload.
import { appendMessage, connectImap } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { populateMailbox } from '../mailserver/populate';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test('add an account, see folders and unread counts, open HTML, plain and attachment mail', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const html = buildMessage('alternative', 1);
  const plain = buildMessage('plain', 2);
  const attachment = buildMessage('attachment', 3);
  for (const m of [html, plain, attachment]) await appendMessage(mailServer, user, m.raw, 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);

  const folders = page.getByRole('tree', { name: 'Folders' });
  const inbox = folders.getByRole('treeitem', { name: /^Inbox/ });
  await expect(inbox).toBeVisible();
  await expect(inbox).toHaveAccessibleDescription(/3 unread/);
  for (const name of ['Drafts', 'Sent', 'Archive', 'Junk', 'Trash'])
    await expect(folders.getByRole('treeitem', { name: new RegExp(`^${name}`) })).toBeVisible();

  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await screenshot(page, 'list');

  // HTML (multipart/alternative): shown in the sandboxed frame
  await list.getByRole('option', { name: new RegExp(escape(html.expected.subject)) }).click();
  const reader = page.getByRole('region', { name: 'Message' });
  const frame = reader.frameLocator('iframe[title="Message body"]');
  await expect(frame.locator('body')).toContainText(html.expected.html[0]!.replace(/<[^>]+>/g, ''));
  await expect(reader.locator('iframe[title="Message body"]')).toHaveAttribute('sandbox', /^(?!.*allow-scripts).*$/);
  await screenshot(page, 'open-message');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .not.toBe('rgb(255, 255, 255)');
  await screenshot(page, 'open-message-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // opening marks it read
  await expect(inbox).toHaveAccessibleDescription(/2 unread/);

  // plain text
  await list.getByRole('option', { name: new RegExp(escape(plain.expected.subject)) }).click();
  for (const fragment of plain.expected.text)
    await expect(frame.locator('body')).toContainText(fragment.split('\n')[0]!);
  // a non-ASCII signature decoded right (the sample's sender signs with a Swedish name)
  await expect(frame.locator('body')).toContainText(plain.expected.from.name.split(' ')[0]!);

  // the composer
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  for (const field of ['To', 'Cc', 'Subject', 'Body'])
    await expect(composer.getByLabel(field, { exact: true })).toBeVisible();
  await screenshot(page, 'composer');
  await page.keyboard.press('Escape');

  // attachment listed with its name
  await list.getByRole('option', { name: new RegExp(escape(attachment.expected.subject)) }).click();
  for (const a of attachment.expected.attachments.filter((x) => x.disposition === 'attachment'))
    await expect(reader.getByText(a.filename)).toBeVisible();
});

test('a message added by another IMAP connection appears without a reload', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();
  const live = buildMessage('plain', 42);
  await appendMessage(mailServer, user, live.raw, 'INBOX');
  await expect(list.getByRole('option', { name: new RegExp(escape(live.expected.subject)) })).toBeVisible({
    timeout: 5_000,
  });
});

test('a 10,000-message list scrolls to its end', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(120_000);
  await populateMailbox(mailServer, user, { count: 10_000, seed: 11 });
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option').first()).toBeVisible({ timeout: 30_000 });
  // virtualized: only a screenful of rows exists in the DOM
  expect(await list.getByRole('option').count()).toBeLessThan(100);
  // the whole mailbox synced (rows stop arriving), then scroll to the very end
  await expect(page.getByText('10,000 messages')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status')).toContainText('Up to date', { timeout: 60_000 });
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // the last row, loaded (skeleton rows are not options)
  await expect(list.locator('[role="option"][aria-posinset="10000"]')).toBeVisible({ timeout: 10_000 });
  await screenshot(page, 'list-scrolled-end');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('compose and send a message: it arrives, and its copy is in Sent', async ({ page, shell, mailServer, user }) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();

  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('To', { exact: true }).fill(`Myself <${user.address}>`);
  await composer.getByLabel('Subject', { exact: true }).fill('Sent from the browser shell');
  await composer.getByLabel('Body', { exact: true }).fill('Hello from the end-to-end test.\nSecond line.');
  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(composer).toBeHidden();

  // after the undo delay it goes out: delivered to the inbox, and filed in Sent
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option', { name: /Sent from the browser shell/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Sent/ }).click();
  await expect(list.getByRole('option', { name: /Sent from the browser shell/ })).toBeVisible({ timeout: 30_000 });
  await list.getByRole('option', { name: /Sent from the browser shell/ }).click();
  const frame = page.getByRole('region', { name: 'Message' }).frameLocator('iframe[title="Message body"]');
  await expect(frame.locator('body')).toContainText('Hello from the end-to-end test.');
});

test('undo send: within the delay the message is taken back and the composer reopens with it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();

  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await composer.getByLabel('Subject', { exact: true }).fill('Second thoughts');
  await composer.getByLabel('Body', { exact: true }).fill('Maybe I should not send this.');
  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(composer).toBeHidden();
  await expect(page.getByText('Sending…')).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();

  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue('Second thoughts');
  await expect(composer.getByLabel('Body', { exact: true })).toHaveText('Maybe I should not send this.');
  // well past the 5 s delay: nothing was sent
  await page.waitForTimeout(7_000);
  const imap = await connectImap(mailServer, user);
  try {
    for (const path of ['INBOX', 'Sent']) {
      const status = await imap.status(path, { messages: true });
      expect(status && status.messages, path).toBe(0);
    }
  } finally {
    await imap.logout();
  }
});

test('a draft is saved while writing and kept in Drafts on close; a discarded one never reaches the server', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();
  const draftsOnServer = async () => {
    const imap = await connectImap(mailServer, user);
    try {
      await imap.mailboxOpen('Drafts');
      const subjects: string[] = [];
      for await (const m of imap.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      await imap.logout();
    }
  };

  // closed with the X: kept, on the server
  await page.getByRole('button', { name: 'New message' }).click();
  let composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('Subject', { exact: true }).fill('Half-written thought');
  await composer.getByLabel('Body', { exact: true }).fill('To be continued.');
  await page.waitForTimeout(2_500); // the autosave pause
  await composer.getByRole('button', { name: 'Close' }).click();
  await expect.poll(draftsOnServer, { timeout: 15_000 }).toEqual(['Half-written thought']);

  // discarded: gone everywhere
  await page.getByRole('button', { name: 'New message' }).click();
  composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('Subject', { exact: true }).fill('Never mind');
  await page.waitForTimeout(2_500);
  await composer.getByRole('button', { name: 'Discard' }).click();
  await page.waitForTimeout(1_000);
  await expect.poll(draftsOnServer, { timeout: 15_000 }).toEqual(['Half-written thought']);
});
