// Tried as a new user would: a message opened while the server is out of reach shows why it
// cannot be loaded; when the connection returns it loads by itself, with no Retry pressed, so no
// error stays on screen that the status bar ("up to date") contradicts.
import { appendMessage } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { startTcpProxy } from '../support/tcp-proxy';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test('a body that failed offline loads by itself when the connection returns', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const plain = buildMessage('plain', 1);
  await appendMessage(mailServer, user, plain.raw, 'INBOX');
  const proxy = await startTcpProxy(mailServer.ports.imaps);
  try {
    await page.goto(shell.url);
    await addAccountThroughUi(page, { ...mailServer, ports: { ...mailServer.ports, imaps: proxy.port } }, user);
    const list = page.getByRole('listbox', { name: 'Messages' });
    await expect(list.getByRole('option')).toHaveCount(1);

    await proxy.cut();
    await expect(page.getByRole('status')).toContainText('offline', { timeout: 20_000 });
    await list.getByRole('option').first().click();
    const reader = page.getByRole('region', { name: 'Message' });
    await expect(reader.getByRole('alert')).toContainText('could not be loaded', { timeout: 20_000 });
    await screenshot(page, 'body-offline-failed');

    await proxy.restore();
    await expect(reader.getByRole('alert')).toBeHidden({ timeout: 30_000 });
    const frame = reader.frameLocator('iframe[title="Message body"]');
    await expect(frame.locator('body')).toContainText(plain.expected.text[0]!.split('\n')[0]!, { timeout: 10_000 });
    await screenshot(page, 'body-offline-loaded');
  } finally {
    await proxy.close();
  }
});
