// Writing mail beyond the basics, as a person does it: Bcc and Reply-To added on demand, a
// message scheduled with Send later and then found in the outbox, edited and sent from there.
// What was sent is read back over IMAP connections of our own, never through the app.
import { simpleParser } from 'mailparser';
import type { Page } from '@playwright/test';
import { waitForMessage, withImap } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { toDateTimeLocal } from '../../renderer/composer/send-later-presets';
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

async function showOutbox(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('show outbox');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Show outbox');
  await page.keyboard.press('Enter');
  const outbox = page.getByRole('dialog', { name: 'Outbox' });
  await expect(outbox).toBeVisible();
  return outbox;
}

test('Send later: a chosen time puts it in the outbox as scheduled; Edit reopens it, Send now sends it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  const subject = 'For tomorrow';
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await composer.getByLabel('Subject', { exact: true }).fill(subject);
  await composer.getByRole('button', { name: 'Schedule…' }).click();
  const later = composer.getByRole('group', { name: 'Send later' });
  // A time already past is refused, with the reason, and nothing is sent.
  await later.getByLabel('Date and time').fill(toDateTimeLocal(Date.now() - 3_600_000));
  await later.getByRole('button', { name: 'Schedule' }).click();
  await expect(later.getByRole('alert')).toHaveText('That time has passed. Choose a later one.');
  const when = Date.now() + 26 * 3_600_000;
  await later.getByLabel('Date and time').fill(toDateTimeLocal(when));
  await later.getByRole('button', { name: 'Schedule' }).click();
  await expect(composer).toBeHidden();
  await expect(page.getByText(/^Scheduled for .*It waits in the outbox\.$/)).toBeVisible();

  let outbox = await showOutbox(page);
  let row = outbox.getByRole('listitem', { name: subject });
  await expect(row).toContainText('Scheduled for');
  await expect(row).toContainText(`To ${user.address}`);

  // Edit takes it back into the composer; scheduled again, it is back in the outbox.
  await row.getByRole('button', { name: 'Edit' }).click();
  await expect(outbox).toBeHidden();
  const reopened = page.getByRole('dialog', { name: 'Compose' });
  await expect(reopened.getByLabel('Subject', { exact: true })).toHaveValue(subject);
  await reopened.getByLabel('Subject', { exact: true }).fill(`${subject}, edited`);
  await reopened.getByRole('button', { name: 'Schedule…' }).click();
  await reopened
    .getByRole('group', { name: 'Send later' })
    .getByRole('button', { name: /^Tomorrow morning/ })
    .click();
  await expect(reopened).toBeHidden();

  outbox = await showOutbox(page);
  row = outbox.getByRole('listitem', { name: `${subject}, edited` });
  await expect(row).toContainText('Scheduled for');
  await expect(outbox.getByRole('listitem')).toHaveCount(1);
  await row.getByRole('button', { name: 'Send now' }).click();
  await expect(outbox.getByText('Nothing is waiting to be sent.')).toBeVisible({ timeout: 20_000 });
  const mail = await simpleParser(await sourceOf(mailServer, user, `${subject}, edited`));
  expect(mail.subject).toBe(`${subject}, edited`);
});

test('the undo delay is a setting: with it off, a sent message goes at once and offers no Undo', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const delay = settings.getByLabel('Undo send');
  await expect(delay).toHaveValue('5');
  await delay.selectOption({ label: 'Off (send at once)' });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await composer.getByLabel('Subject', { exact: true }).fill('No second thoughts');
  const started = Date.now();
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer).toBeHidden();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await sourceOf(mailServer, user, 'No second thoughts');
  // Well inside the 5 s the default would have waited before even starting.
  expect(Date.now() - started).toBeLessThan(5_000);
});
