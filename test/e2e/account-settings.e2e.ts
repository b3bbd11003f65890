// Account settings, end to end: opened from the command palette, a new account name, sender
// name and signature are saved; a new message carries the signature, and its copy in Sent (read
// over IMAP) has the new name in From; "Always load" shows a newsletter's remote image without
// the bar; removing the account through its confirmation takes it out of the sidebar.
//
// The image server is on 127.0.0.1, which the engine refuses; the shell of these tests gets
// MAIL_TEST_ALLOW_LOOPBACK_IMAGES=1 (test only: admits loopback and nothing else).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test.use({ shellEnv: { MAIL_TEST_ALLOW_LOOPBACK_IMAGES: '1' } });

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==',
  'base64',
);

async function startImageServer(): Promise<{ origin: string; paths: string[]; close: () => Promise<void> }> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function newsletter(origin: string): string {
  const html = `<p>Autumn issue</p><img alt="Cover" width="120" height="60" src="${origin}/cover.png">`;
  return (
    `From: Image News <news@images.example>\r\nTo: you@example.test\r\nSubject: Autumn issue\r\n` +
    `Date: Wed, 04 Mar 2026 10:00:00 +0000\r\nMessage-ID: <autumn@images.example>\r\nMIME-Version: 1.0\r\n` +
    `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`
  );
}

test('account settings: names and signature in sent mail, remote images, removing the account', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  /** The raw copy of the test's message in the server's Sent folder, once it is there. */
  const sentCopy = () =>
    withImap(mailServer, user, async (client) => {
      const boxes = await client.list();
      const box = boxes.find((b) => b.specialUse === '\\Sent') ?? boxes.find((b) => b.path === 'Sent');
      if (!box) return null;
      const lock = await client.getMailboxLock(box.path);
      try {
        const uids = await client.search({ subject: 'Signed by the settings' }, { uid: true });
        if (!uids || uids.length === 0) return null;
        const message = await client.fetchOne(String(uids[0]), { source: true }, { uid: true });
        return message && message.source ? message.source : null;
      } finally {
        lock.release();
      }
    });
  const images = await startImageServer();
  try {
    await appendMessage(mailServer, user, newsletter(images.origin), 'INBOX');
    await page.goto(shell.url);
    await addAccountThroughUi(page, mailServer, user);
    const tree = page.getByRole('tree', { name: 'Folders' });
    const list = page.getByRole('listbox', { name: 'Messages' });
    const reader = page.getByRole('region', { name: 'Message' });
    await expect(tree.getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();

    // blocked as before: the account's default is "ask"
    await list.getByRole('option', { name: /Autumn issue/ }).click();
    await expect(reader.getByText('Remote content blocked')).toBeVisible();
    expect(images.paths).toEqual([]);

    // "Account settings" from the command palette opens the Accounts tab on this account
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('account settings');
    await expect(palette.getByRole('option', { selected: true })).toContainText('Account settings');
    await page.keyboard.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByRole('tab', { name: 'Accounts' })).toHaveAttribute('aria-selected', 'true');
    const panel = settings.getByRole('tabpanel', { name: 'Accounts' });
    await expect(panel.getByLabel('Account name')).toHaveValue(user.name);

    await panel.getByLabel('Account name').fill('Ada at work');
    await panel.getByLabel('Your name').fill('Ada Settings');
    await panel.getByLabel('Signature', { exact: true }).fill('Ada Settings\nAnalytical Engines Ltd');
    await panel.getByLabel('Signature in replies and forwards').selectOption({ label: 'Below the quoted message' });
    await expect(panel.getByLabel('Check other folders')).toHaveValue('60');
    await panel.getByLabel('Check other folders').selectOption({ label: 'Every 5 minutes' });
    await panel.getByRole('radio', { name: 'Always load' }).check();
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    // the authserv-id the sender checks trust: a name with a space is refused, a host name kept
    const authserv = panel.getByLabel('Your mail server’s name in Authentication-Results');
    await authserv.fill('mx example');
    await panel.getByRole('button', { name: 'Save server name' }).click();
    await expect(authserv).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText('A server name has letters, digits, dots and hyphens')).toBeVisible();
    await authserv.fill('mx.example.test');
    await panel.getByRole('button', { name: 'Save server name' }).click();
    await expect(panel.getByText('Saved. Messages are checked against this server from now on.')).toBeVisible();
    // the sidebar follows at once
    await expect(tree.getByRole('treeitem', { name: 'Ada at work' })).toBeVisible();
    await screenshot(page, 'account-settings');
    await settings.getByRole('button', { name: 'Close' }).last().click();
    await expect(settings).toBeHidden();

    // "Always load": the newsletter shows its image, fetched by the engine, and no bar
    const frame = reader.frameLocator('iframe[title="Message body"]');
    await list.getByRole('option', { name: /Autumn issue/ }).click();
    await expect(frame.locator('body')).toContainText('Autumn issue');
    await expect
      .poll(
        () =>
          frame
            .locator('img[alt="Cover"]')
            .evaluate((img: HTMLImageElement) => img.naturalWidth)
            .catch(() => 0),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await expect(reader.getByText('Remote content blocked')).toBeHidden();
    expect(images.paths).toEqual(['/cover.png']);

    // a new message starts with the new signature; its copy in Sent is from the new name
    await page.getByRole('button', { name: 'New message' }).click();
    const composer = page.getByRole('dialog', { name: 'Compose' });
    const body = composer.getByLabel('Body', { exact: true });
    await expect.poll(() => body.innerText()).toMatch(/--\s*\nAda Settings\nAnalytical Engines Ltd/);
    await composer.getByLabel('To', { exact: true }).fill(user.address);
    await composer.getByLabel('Subject', { exact: true }).fill('Signed by the settings');
    await composer.getByRole('button', { name: 'Send' }).click();
    await expect(composer).toBeHidden();
    await expect.poll(() => sentCopy(), { timeout: 45_000, intervals: [1_000] }).not.toBeNull();
    const copy = await simpleParser((await sentCopy())!);
    expect(copy.from?.value[0]).toEqual({ name: 'Ada Settings', address: user.address });
    expect(copy.text).toContain('-- \nAda Settings\nAnalytical Engines Ltd');

    // removing: a confirmation that names the account and says what goes; then it is gone
    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('tab', { name: 'Accounts' }).click();
    // a new password (the same one: the server has no other) is taken and used to sign in again
    await panel.getByLabel('New password').fill(user.password);
    await panel.getByRole('button', { name: 'Change password' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible({ timeout: 15_000 });

    await panel.getByRole('button', { name: 'Remove account…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove Ada at work?' });
    await expect(confirm).toContainText(user.address);
    await expect(confirm).toContainText('drafts');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshot(page, 'account-settings-remove');
    await confirm.getByRole('button', { name: 'Remove account' }).click();
    await expect(confirm).toBeHidden({ timeout: 15_000 });
    await expect(panel.getByText('There are no accounts yet.')).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: 'Ada at work' })).toHaveCount(0);
    await expect(tree.getByRole('treeitem', { name: /^Inbox/ })).toHaveCount(0);
  } finally {
    await images.close();
  }
});
