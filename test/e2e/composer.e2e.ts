// The composer as a person uses it: rich text with the toolbar and the keyboard, files attached,
// a draft with a file closed and carried on from Drafts, a file over the limit refused. What was
// sent is read back over an IMAP connection of our own, never through the app.
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { appendMessage, waitForSource, withImap } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { addressAndTitle, openComposer, send } from './composing';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

async function draftSubjects(server: MailServerInfo, user: MailUser): Promise<string[]> {
  return withImap(server, user, async (client) => {
    const lock = await client.getMailboxLock('Drafts');
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const subjects: string[] = [];
      for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  });
}

test('bold, a list and a link with an attached file go out as HTML with a text part, the file intact', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  const subject = 'Formatted with a file';
  const file = randomBytes(150_000);
  await addressAndTitle(composer, user.address, subject);
  // in a field of the composer Ctrl+K opens nothing over it: the next key still types there
  await page.keyboard.press('Control+K');
  await page.keyboard.type('!');
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(`${subject}!`);
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  await composer.getByLabel('Subject', { exact: true }).fill(subject);

  const body = composer.getByRole('textbox', { name: 'Body' });
  const toolbar = composer.getByRole('toolbar', { name: 'Formatting' });
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  await body.click();
  await page.keyboard.press('Control+B');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Important words');
  await page.keyboard.press('Control+B');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type(' and plain ones.');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await expect(toolbar.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('first point');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // an empty item ends the list
  await page.keyboard.type('Details at ');
  // Ctrl+K links in the composer and does not open the command palette
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
  const address = composer.getByLabel('Link address');
  await expect(address).toBeFocused();
  await address.fill('example.com/docs');
  await address.press('Enter');
  await expect(body.getByRole('link', { name: 'example.com/docs' })).toHaveAttribute(
    'href',
    'https://example.com/docs',
  );
  await expect(body).toBeFocused();

  await composer.locator('input[type=file]').setInputFiles({
    name: 'measurements.bin',
    mimeType: 'application/octet-stream',
    buffer: file,
  });
  await expect(composer.getByRole('listitem', { name: /^measurements\.bin, 150 kB$/ })).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Remove measurements.bin' })).toBeVisible();
  await screenshot(page, 'composer-rich');

  await send(composer);

  const sent = await simpleParser(await waitForSource(mailServer, user, subject));
  const html = String(sent.html);
  expect(html).toMatch(/<p><(b|strong)>Important words<\/(b|strong)>(&nbsp;| )and plain ones\.<\/p>/);
  expect(html).toMatch(/<ul><li>first point<\/li><li>second point<\/li><\/ul>/);
  expect(html).not.toContain('style=');
  expect(html).toContain('<a href="https://example.com/docs">example.com/docs</a>');
  expect(sent.text).toContain('Important words and plain ones.');
  expect(sent.text).toContain('first point');
  expect(sent.text).toContain('https://example.com/docs');
  expect(sent.attachments.map((a) => a.filename)).toEqual(['measurements.bin']);
  expect(Buffer.compare(sent.attachments[0]!.content, file)).toBe(0);
});

test('a draft with a file, closed, opens again from Drafts with its text and file; sending removes it', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  const subject = 'Draft with a photo';
  const photo = randomBytes(40_000);
  await addressAndTitle(composer, user.address, subject);
  await composer.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('The photo from Saturday.');
  await composer
    .locator('input[type=file]')
    .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(composer.getByRole('listitem', { name: /^photo\.jpg,/ })).toBeVisible();
  await page.waitForTimeout(2_500); // the autosave pause
  await composer.getByRole('button', { name: 'Close' }).click();
  await expect(composer).toBeHidden();
  await expect.poll(() => draftSubjects(mailServer, user), { timeout: 15_000 }).toEqual([subject]);

  await page
    .getByRole('tree', { name: 'Folders' })
    .getByRole('treeitem', { name: /^Drafts/ })
    .click();
  const row = page.getByRole('listbox', { name: 'Messages' }).getByRole('option', { name: new RegExp(subject) });
  // three ways in: the reading pane's Edit draft, Enter on the row, a double-click
  await row.click({ timeout: 15_000 });
  await page.getByRole('region', { name: 'Message' }).getByRole('button', { name: 'Edit draft' }).click();
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(subject);
  await page.keyboard.press('Escape'); // unchanged: closes
  await expect(composer).toBeHidden();
  await row.click();
  await page.keyboard.press('Enter');
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(subject);
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();
  await row.dblclick();
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(subject);
  await expect(composer.getByRole('textbox', { name: 'Body' })).toContainText('The photo from Saturday.');
  await expect(composer.getByRole('listitem', { name: /^photo\.jpg,/ })).toBeVisible();

  await send(composer);
  const sent = await simpleParser(await waitForSource(mailServer, user, subject));
  expect(sent.attachments.map((a) => a.filename)).toEqual(['photo.jpg']);
  expect(Buffer.compare(sent.attachments[0]!.content, photo)).toBe(0);
  await expect.poll(() => draftSubjects(mailServer, user), { timeout: 15_000 }).toEqual([]);
});

test('a file over the size limit is refused with a message; the draft keeps the others', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  await composer.locator('input[type=file]').setInputFiles([
    { name: 'huge.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(26 * 1024 * 1024) },
    { name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('fits') },
  ]);
  await expect(composer.getByRole('alert')).toContainText('huge.iso is 27 MB: an attachment can be at most 25 MB.');
  await expect(composer.getByRole('listitem', { name: /^small\.txt,/ })).toBeVisible();
  await expect(composer.getByRole('listitem', { name: /^huge\.iso/ })).toHaveCount(0);
});

test('forwarding carries the attachments; in the browser shell Open still shows the file in a new tab', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const original = buildMessage('attachment', 4);
  await appendMessage(mailServer, user, original.raw, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await list.getByRole('option', { name: new RegExp(original.expected.subject) }).click();
  const reader = page.getByRole('region', { name: 'Message' });

  // the browser shell cannot hand files to other apps: Open gives a Blob in a new tab, as before
  // (and a type the browser will not show safely is downloaded instead)
  const notes = original.expected.attachments.find((a) => a.contentType === 'text/plain')!;
  const popup = page.waitForEvent('popup');
  await reader.getByRole('button', { name: `Open ${notes.filename}` }).click();
  expect((await popup).url()).toMatch(/^blob:/);
  const download = page.waitForEvent('download');
  await reader.getByRole('button', { name: 'Open data.csv' }).click();
  expect((await download).suggestedFilename()).toBe('data.csv');

  await page.keyboard.press('f');
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(`Fwd: ${original.expected.subject}`);
  await expect(composer.getByRole('textbox', { name: 'Body' }).locator('blockquote, div')).not.toHaveCount(0);
  const files = original.expected.attachments;
  for (const a of files)
    await expect(composer.getByRole('listitem', { name: new RegExp(`^${escape(a.filename)},`) })).toBeVisible();
  await composer.getByLabel('To', { exact: true }).fill(user.address);
  await send(composer);

  const forwarded = await simpleParser(await waitForSource(mailServer, user, `Fwd: ${original.expected.subject}`));
  expect(forwarded.attachments.map((a) => a.filename)).toEqual(files.map((a) => a.filename));
  forwarded.attachments.forEach((a, i) => expect(Buffer.compare(a.content, files[i]!.bytes)).toBe(0));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('editing: undo and redo, pasted HTML cleaned, files dropped and pictures pasted, plain text asks first', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const composer = await openComposer(page, shell.url, mailServer, user);
  const body = composer.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('Undo me');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+B');
  await expect(body.locator('b')).toHaveText('Undo me');
  await page.keyboard.press('Control+Z');
  await expect(body.locator('b')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(body.locator('b')).toHaveText('Undo me');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');

  // pasted HTML: formatting kept, script, handlers, remote image and styles gone
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p style="color:red" onmouseover="alert(1)"><i>pasted</i> <a href="javascript:alert(1)">bad</a> ' +
        '<a href="https://example.com/">good</a><img src="http://127.0.0.1:9/tracker.gif"></p><script>window.pwned=1</script>',
    );
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body.locator('i')).toHaveText('pasted');
  await expect(body.locator('a[href="https://example.com/"]')).toHaveText('good');
  expect(await body.evaluate((element) => element.innerHTML)).not.toMatch(
    // (the browser's own editing adds style="background-color: initial"; only the sent HTML is free of styles)
    /<img|<script|onmouseover|javascript:|color:\s*red/,
  );

  // a picture pasted: into the text, not an attachment; a kind mail readers do not show is refused
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' }));
    data.items.add(new File([new Uint8Array([66, 77])], 'scan.bmp', { type: 'image/bmp' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body.locator('img[src="data:image/png;base64,iVBORw=="]')).toHaveCount(1);
  await expect(composer.getByRole('alert').filter({ hasText: 'scan.bmp cannot go into the text' })).toBeVisible();
  await expect(composer.getByRole('listitem', { name: /\.(png|bmp), / })).toHaveCount(0);

  // files dragged over the composer: the drop target shows; dropped, they are attached
  const drop = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['minutes'], 'minutes.txt', { type: 'text/plain' }));
    return data;
  });
  await composer.dispatchEvent('dragover', { dataTransfer: drop });
  await expect(composer.getByText('Drop files to attach them')).toBeVisible();
  await composer.dispatchEvent('drop', { dataTransfer: drop });
  await expect(composer.getByText('Drop files to attach them')).toBeHidden();
  await expect(composer.getByRole('listitem', { name: /^minutes\.txt,/ })).toBeVisible();
  await composer.getByRole('button', { name: 'Remove minutes.txt' }).click();
  await expect(composer.getByRole('listitem', { name: /^minutes\.txt,/ })).toHaveCount(0);

  // to plain text: formatting would be lost, so it asks; the words stay
  await composer.getByRole('button', { name: 'Plain text' }).click();
  const confirm = composer.getByRole('alertdialog', { name: 'Plain text' });
  await expect(confirm).toContainText('the formatting will be removed');
  await confirm.getByRole('button', { name: 'Remove formatting' }).click();
  const plain = composer.getByLabel('Body', { exact: true });
  await expect(plain).toHaveValue('Undo me pasted bad good <https://example.com/>');
  await expect(composer.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' })).toHaveCount(
    0,
  );
  await composer.getByRole('button', { name: 'Rich text' }).click();
  await expect(composer.getByRole('textbox', { name: 'Body' })).toContainText('pasted bad good');
});
