// Opening an .eml file in the browser shell: through "Open .eml file…" in the command palette
// and by dropping it on the window. It shows in its reading window through the same sanitizer
// as any message (a script in it never runs, a remote image never loads), and Reply opens the
// composer addressed to its sender, threaded under it.
import { addAccountThroughUi, expect, test } from './fixtures';

const EML = [
  'From: Anna Svensson <anna@partner.example>',
  'To: me@example.test',
  'Subject: Plans for the weekend',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <weekend.1@partner.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Shall we go <b>sailing</b>?</p><script>parent.emlScriptRan = true</script>',
  '<img src="http://127.0.0.1:9/tracker.gif" alt="">',
  '',
].join('\r\n');

test('an .eml file opens in its reading window, safely, and can be answered', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(90_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);

  // the palette command opens the file picker
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('Open .eml');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'weekend.eml', mimeType: 'message/rfc822', buffer: Buffer.from(EML) });

  const reader = page.getByRole('dialog', { name: 'Plans for the weekend' });
  await expect(reader).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Plans for the weekend' })).toBeVisible();
  await expect(reader).toContainText('Anna Svensson');
  const body = reader.frameLocator('iframe[title="Message body"]');
  await expect(body.locator('b')).toHaveText('sailing');
  expect(await page.evaluate(() => (window as { emlScriptRan?: boolean }).emlScriptRan)).toBeUndefined();
  expect(requests.filter((url) => url.includes('tracker.gif'))).toEqual([]);

  await reader.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(reader).toBeHidden();
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([
    'Anna Svensson <anna@partner.example>',
  ]);
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue('Re: Plans for the weekend');
});

test('an .eml file dropped on the window opens too', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(90_000);
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const transfer = await page.evaluateHandle(
    (text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.eml', { type: 'message/rfc822' }));
      return data;
    },
    EML.replace('Plans for the weekend', 'Dropped on the window'),
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await expect(page.getByRole('dialog', { name: 'Dropped on the window' })).toBeVisible();
});
