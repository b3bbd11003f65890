// Writing mail beyond the basics, as a person does it: recipients picked from the contacts by
// keyboard and turned into chips, Bcc and Reply-To added on demand, a
// message scheduled with Send later and then found in the outbox, edited and sent from there, and
// a message the server refuses after the undo window: told, shown in the outbox, retried, fixed.
// What was sent is read back over IMAP connections of our own, never through the app.
import { simpleParser } from 'mailparser';
import type { Page } from '@playwright/test';
import { appendMessage, waitForSource } from '../mailserver/imap-helpers';
import { countLogLines } from '../mailserver/logs';
import { toDateTimeLocal } from '../../renderer/composer/send-later-presets';
import { createMailUser } from '../support/mail-users';
import { once } from 'node:events';
import { accessibilityViolations } from './axe';
import { addressAndTitle, newMessage, openComposer, send } from './composing';
import { addAccountThroughUi, expect, screenshot, startShell, stopShell, test } from './fixtures';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  await send(composer);

  const [delivered, secret] = await Promise.all([
    waitForSource(mailServer, user, subject),
    waitForSource(mailServer, hidden, subject),
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
  await addressAndTitle(composer, user.address, subject);
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
  const mail = await simpleParser(await waitForSource(mailServer, user, `${subject}, edited`));
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

  const composer = await newMessage(page);
  await addressAndTitle(composer, user.address, 'No second thoughts');
  const started = Date.now();
  await send(composer);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await waitForSource(mailServer, user, 'No second thoughts');
  // Well inside the 5 s the default would have waited before even starting.
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('recipients: contacts from received mail autocomplete by keyboard; entries become chips; a bad one is marked', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await appendMessage(
    mailServer,
    user,
    'From: Ada Lovelace <ada@example.test>\r\nTo: ' +
      user.address +
      '\r\nSubject: Notes\r\nDate: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <ada-notes@example.test>\r\n\r\nHello\r\n',
    'INBOX',
  );
  const composer = await openComposer(page, shell.url, mailServer, user);
  await expect(page.getByRole('option', { name: /Notes/ })).toBeVisible();
  const to = composer.getByRole('combobox', { name: 'To', exact: true });
  await to.focus();
  await page.keyboard.type('lov');
  const suggestions = composer.getByRole('listbox', { name: 'Contacts' });
  await expect(suggestions.getByRole('option', { selected: true })).toHaveText('Ada Lovelace ada@example.test');
  await expect(to).toHaveAttribute('aria-expanded', 'true');
  await expect(to).toHaveAttribute('aria-activedescendant', /.+/);
  await page.keyboard.press('Enter');
  await expect(to).toHaveAttribute('aria-expanded', 'false');
  await expect(to).toHaveValue('');
  const chips = composer.getByRole('list', { name: 'To recipients' });
  await expect(chips.getByRole('listitem')).toHaveText(['Ada Lovelace <ada@example.test>']);

  // Escape closes the suggestions, not the composer.
  await page.keyboard.type('ada');
  await expect(suggestions.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(to).toHaveAttribute('aria-expanded', 'false');
  await expect(composer).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');

  // A pasted list is split into chips; an entry that is no address is marked before sending.
  await to.evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${user.address}; not-an-address`);
  await expect(chips.getByRole('listitem')).toHaveCount(3);
  const bad = chips.getByRole('listitem').filter({ hasText: 'not-an-address' });
  await expect(bad).toContainText('not an email address');
  await bad.getByRole('button', { name: 'Remove not-an-address' }).click();
  await expect(chips.getByRole('listitem')).toHaveCount(2);

  await composer.getByLabel('Subject', { exact: true }).fill('Picked from contacts');
  await send(composer);
  const mail = await simpleParser(await waitForSource(mailServer, user, 'Picked from contacts'));
  expect(mail.to).toMatchObject({
    value: [{ name: 'Ada Lovelace', address: 'ada@example.test' }, { address: user.address }],
  });
});

test('contacts: a vCard file imported in the settings is suggested while writing, and exported again', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const vcf = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Hopper;Grace;;;',
    'EMAIL;TYPE=work:grace@navy.example',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:4.0',
    'FN:Phone Only',
    'TEL:+1 555',
    'END:VCARD',
    '',
  ].join('\r\n');
  await settings.getByLabel('Import vCard…').setInputFiles({
    name: 'contacts.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from(vcf),
  });
  await expect(settings.getByRole('status')).toHaveText(
    '1 contact imported (1 cards without an email address skipped).',
  );
  await settings.getByLabel('Contact name').fill('Ada Lovelace');
  await settings.getByLabel('Contact email').fill('ada@engine.example');
  await settings.getByRole('button', { name: 'Add contact' }).click();
  await expect(settings.getByRole('status')).toHaveText('ada@engine.example is in your contacts.');
  const download = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export vCard' }).click();
  const exported = await (await download).createReadStream().then(
    (stream) =>
      new Promise<string>((resolve) => {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => resolve(text));
      }),
  );
  expect(exported).toContain('FN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n');
  expect(exported).toContain('FN:Ada Lovelace\r\nEMAIL:ada@engine.example\r\n');
  await page.keyboard.press('Escape');

  const composer = await newMessage(page);
  await composer.getByRole('combobox', { name: 'To', exact: true }).focus();
  await page.keyboard.type('hop');
  await expect(composer.getByRole('option', { selected: true })).toHaveText('Grace Hopper grace@navy.example');
  await page.keyboard.press('Tab');
  await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([
    'Grace Hopper <grace@navy.example>',
  ]);
});

test('a draft saved only on this computer when the app was killed is offered again at the next start', async ({
  page,
  mailServer,
  user,
}) => {
  // A shell of this test's own: it is killed, which the fixture's shell must never be.
  const first = await startShell(mailServer);
  await page.goto(first.url);
  await addAccountThroughUi(page, mailServer, user);
  const composer = await newMessage(page);
  await composer.getByLabel('Subject', { exact: true }).fill('Half written');
  await composer.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The first lines of something long');
  // The composer saves locally two seconds after the last change; then the app dies unwarned.
  await page.waitForTimeout(3_500);
  const exited = once(first.process, 'exit');
  first.process.kill('SIGKILL');
  await exited;

  const restarted = await startShell(mailServer, {}, first.profileDir);
  try {
    await page.goto(restarted.url);
    const offer = page.getByRole('alert').filter({ hasText: 'was not saved to Drafts' });
    await expect(offer).toContainText('“Half written”, which you were writing', { timeout: 20_000 });
    await offer.getByRole('button', { name: 'Open it' }).click();
    await expect(offer).toBeHidden();
    const reopened = page.getByRole('dialog', { name: 'Compose' });
    await expect(reopened.getByLabel('Subject', { exact: true })).toHaveValue('Half written');
    await expect(reopened.getByRole('textbox', { name: 'Body' })).toContainText('The first lines of something long');
  } finally {
    await stopShell(restarted);
  }
});

test('identities: an address added in the account settings, with its own signature placement, is in the From picker, and the message goes from it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Accounts' }).click();
  const alias = `help-${user.name}@${mailServer.domain}`;
  await settings.getByLabel('Address', { exact: true }).fill(alias);
  await settings.getByLabel('Name shown').fill('Help Desk');
  const placement = settings.getByLabel('Signature in replies', { exact: true });
  await expect(placement).toHaveValue('');
  await placement.selectOption({ label: 'Below the quoted message' });
  await settings.getByRole('button', { name: 'Add address' }).click();
  const identities = settings.getByRole('list', { name: 'Other addresses (identities)' });
  await expect(identities).toContainText(`Help Desk <${alias}> · signature below the quote`);
  // Edit puts it back in the form; saved "as the account", the note goes.
  await identities.getByRole('button', { name: `Edit ${alias}` }).click();
  await expect(settings.getByLabel('Address', { exact: true })).toHaveValue(alias);
  await expect(placement).toHaveValue('below');
  await placement.selectOption({ label: 'As the account does' });
  await settings.getByRole('button', { name: 'Save address' }).click();
  await expect(identities).toHaveText(new RegExp(`^Help Desk <${escapeRegExp(alias)}>Edit`));
  await expect(settings.getByRole('button', { name: 'Add address' })).toBeVisible();
  await page.keyboard.press('Escape');

  const composer = await newMessage(page);
  const from = composer.getByLabel('From', { exact: true });
  await expect(from.getByRole('option')).toHaveCount(2);
  await from.selectOption({ label: `Help Desk <${alias}>` });
  await addressAndTitle(composer, user.address, 'From the help desk');
  await send(composer);
  const mail = await simpleParser(await waitForSource(mailServer, user, 'From the help desk'));
  expect(mail.from?.value).toEqual([{ name: 'Help Desk', address: alias }]);
});

test('a picture pasted into the text arrives where it was put, as a related part named by its cid:', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  const subject = 'With a picture inside';
  await addressAndTitle(composer, user.address, subject);
  const body = composer.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('Look:');
  await page.keyboard.press('Enter');
  // a whole 1×1 PNG, as a screenshot tool would put it on the clipboard
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  await body.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, png);
  await expect(body.locator('img')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nice, no?');
  await send(composer);

  const source = await waitForSource(mailServer, user, subject);
  expect(source.toString()).toMatch(/multipart\/related/i);
  const mail = await simpleParser(source, { keepCidLinks: true });
  const html = typeof mail.html === 'string' ? mail.html : '';
  const cid = /<img src="cid:([^"]+)"/.exec(html)?.[1];
  const part = mail.attachments.find((a) => a.contentType === 'image/png');
  expect(cid).toBeTruthy();
  expect(part?.cid).toBe(cid);
  expect(part?.content.toString('base64')).toBe(png);
  // between the two lines, as it was pasted
  expect(html.indexOf('Look:')).toBeLessThan(html.indexOf('cid:'));
  expect(html.indexOf('cid:')).toBeLessThan(html.indexOf('Nice, no?'));
});

test('a send the server refuses after the undo window: a notice and the status line say so, the outbox shows why, Retry sends again, Edit fixes it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const refused = mailServer.refusedRecipient;
  const subject = 'To a refused address';
  const words = `550 5.1.1 <${refused}>: Recipient address rejected: Refused by the test bed's block list`;
  const reason = `${mailServer.host} refused the message: ${words}`;
  // Each RCPT TO the test bed's Postfix refused for this user: the proof that Retry submits again.
  const refusals = () =>
    countLogLines(
      mailServer,
      new RegExp(`NOQUEUE: reject: RCPT .*<${escapeRegExp(refused)}>: .*from=<${escapeRegExp(user.address)}>`),
      'postfix',
    );

  const composer = await openComposer(page, shell.url, mailServer, user);
  await addressAndTitle(composer, refused, subject);
  await send(composer);
  // the default undo window (5 s) first: the refusal comes when the composer is long closed
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  expect(refusals()).toBe(0);

  const notice = page.getByRole('alert').filter({ hasText: 'was not sent' });
  await expect(notice).toHaveText(new RegExp(`^“${subject}” was not sent: ${escapeRegExp(reason)}`), {
    timeout: 30_000,
  });
  await expect(
    page.getByRole('status').filter({ hasText: `“${subject}” was not sent. It is in the outbox.` }),
  ).toBeVisible();
  await expect.poll(refusals).toBe(1);
  await screenshot(page, 'send-refused-notice');

  // Retry from the notice: submitted again, refused again in the same words, told again.
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(notice).toBeHidden();
  await expect.poll(refusals, { timeout: 30_000 }).toBe(2);
  await expect(notice).toContainText(reason, { timeout: 30_000 });

  // The outbox: the message, failed, with the server's words and the recipient it refused.
  const outbox = await showOutbox(page);
  const row = outbox.getByRole('listitem', { name: subject });
  await expect(row).toContainText('Not sent');
  await expect(row).toContainText(`To ${refused}`);
  await expect(row).toContainText(`The server said: ${reason}`);
  await expect(row).toContainText(`Refused recipients:${refused}: ${words}`);
  expect(await accessibilityViolations(page)).toEqual([]);
  await row.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(refusals, { timeout: 30_000 }).toBe(3);
  await expect(row).toContainText(`The server said: ${reason}`);

  // Edit: back in the composer, the refused address swapped for one that takes mail; it goes.
  await row.getByRole('button', { name: 'Edit' }).click();
  await expect(outbox).toBeHidden();
  const reopened = page.getByRole('dialog', { name: 'Compose' });
  await expect(reopened.getByLabel('Subject', { exact: true })).toHaveValue(subject);
  const chips = reopened.getByRole('list', { name: 'To recipients' });
  await expect(chips.getByRole('listitem')).toHaveText([refused]);
  await chips.getByRole('button', { name: `Remove ${refused}` }).click();
  await reopened.getByLabel('To', { exact: true }).fill(user.address);
  await send(reopened);
  const mail = await simpleParser(await waitForSource(mailServer, user, subject));
  expect(mail.to).toMatchObject({ value: [{ address: user.address }] });
  expect(refusals()).toBe(3);
  const after = await showOutbox(page);
  await expect(after.getByText('Nothing is waiting to be sent.')).toBeVisible();
});
