// Writing mail beyond the basics, as a person does it: Bcc and Reply-To added on demand. What was
// sent is read back over IMAP connections of our own, never through the app.
import { simpleParser } from 'mailparser';
import type { Page } from '@playwright/test';
import { waitForMessage, withImap } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { addAccountThroughUi, expect, test } from './fixtures';

async function sourceOf(server: MailServerInfo, user: MailUser, subject: string): Promise<Buffer> {
  const uid = await waitForMessage(server, user, { subject }, { mailbox: 'INBOX', timeoutMs: 30_000 });
  return withImap(server, user, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) throw new Error(`no source for ${subject}`);
      return message.source;
    } finally {
      lock.release();
    }
  });
}

async function openComposer(page: Page, url: string, server: MailServerInfo, user: MailUser) {
  await page.goto(url);
  await addAccountThroughUi(page, server, user);
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();
  await page.getByRole('button', { name: 'New message' }).click();
  return page.getByRole('dialog', { name: 'Compose' });
}

test('Bcc by its shortcut and Reply-To by its button: the Bcc recipient gets it, no delivered header names them', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const hidden = await createMailUser(mailServer, 'e2e-bcc');
  const composer = await openComposer(page, shell.url, mailServer, user);
  const subject = 'With a blind copy';
  // Neither field is there until asked for.
  await expect(composer.getByLabel('Bcc', { exact: true })).toHaveCount(0);
  await expect(composer.getByLabel('Reply-To', { exact: true })).toHaveCount(0);
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await page.keyboard.press('Control+Shift+B');
  await expect(composer.getByLabel('Bcc', { exact: true })).toBeFocused();
  await page.keyboard.type(hidden.address);
  await composer.getByRole('button', { name: 'Reply-To' }).click();
  await expect(composer.getByLabel('Reply-To', { exact: true })).toBeFocused();
  await page.keyboard.type(`Team <team@${mailServer.domain}>`);
  await composer.getByLabel('Subject', { exact: true }).fill(subject);
  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(composer).toBeHidden();

  const [delivered, secret] = await Promise.all([
    sourceOf(mailServer, user, subject),
    sourceOf(mailServer, hidden, subject),
  ]);
  for (const source of [delivered, secret]) {
    const head = source.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).not.toContain(hidden.address);
  }
  const mail = await simpleParser(delivered);
  expect(mail.replyTo?.value).toEqual([{ name: 'Team', address: `team@${mailServer.domain}` }]);
});
