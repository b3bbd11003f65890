// OAuth2 sign-in as a person does it, in Chromium through the browser shell: the wizard offers
// "Sign in with Google" for the servers, the provider's page opens in a new tab, the person
// allows (or denies) there, and the account is added and syncs with no password typed. When the
// provider later revokes the sign-in, the status bar asks to sign in again, after exactly one
// refused login, and one click brings the page back. "Google" is the test provider of
// test/support/oauth-server.ts (MAIL_OAUTH_GOOGLE_* in the shell's environment).
import type { Page } from '@playwright/test';
import { appendMessage } from '../mailserver/imap-helpers';
import { logins, oauthRefusals } from '../mailserver/logs';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { loginsSettled } from '../support/logins-settled';
import { oauthControl, oauthTestEnv } from '../support/oauth-consent';
import { noteTo } from '../support/plain-message';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { accessibilityViolations } from './axe';
import { expect, screenshot, startShell, stopShell, test, type Shell } from './fixtures';

async function oauthShell(server: MailServerInfo): Promise<Shell> {
  return startShell(server, { ...oauthTestEnv(server.oauth.url), MAIL_OAUTH_GOOGLE_HOSTS: server.host });
}

/** The wizard up to "Sign in with Google": name and address only, the test bed's servers typed in. */
async function toSignInChoice(page: Page, server: MailServerInfo, user: MailUser, imapPort: number) {
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(user.name);
  await dialog.getByLabel('Email', { exact: true }).fill(user.address);
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await dialog.getByLabel('IMAP host').fill(server.host);
  await dialog.getByLabel('IMAP port').fill(String(imapPort));
  await dialog.getByLabel('SMTP host').fill(server.host);
  await dialog.getByLabel('SMTP port').fill(String(server.ports.submissions));
  const signIn = dialog.getByRole('button', { name: 'Sign in with Google' });
  await expect(signIn).toBeVisible();
  return { dialog, signIn };
}

/** Clicks a button that opens the provider's page; answers there and returns the tab's last text. */
async function answerInNewTab(page: Page, open: () => Promise<void>, decision: 'Allow' | 'Deny', shot?: string) {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), open()]);
  await expect(tab.getByRole('heading', { name: 'Test provider' })).toBeVisible();
  if (shot) await screenshot(tab, shot);
  await tab.getByRole('button', { name: decision }).click();
  await expect(tab.locator('body')).toContainText(decision === 'Allow' ? 'Signed in' : 'did not complete');
  await tab.close();
}

test.describe('OAuth2 sign-in', () => {
  let shell: Shell | null = null;
  let proxy: TcpProxy | null = null;
  test.afterEach(async () => {
    if (shell) await stopShell(shell);
    await proxy?.close();
    shell = null;
    proxy = null;
  });

  test('adds an account through the provider page, syncs it, and signs in again after a revoke', async ({
    page,
    mailServer,
    user,
  }) => {
    await appendMessage(mailServer, user, noteTo(user, 'Waiting for you'), 'INBOX');
    // IMAP through a proxy that can drop the session: the next login shows what the token does
    proxy = await startTcpProxy(mailServer.ports.imaps);
    shell = await oauthShell(mailServer);
    await page.goto(shell.url);
    const { dialog, signIn } = await toSignInChoice(page, mailServer, user, proxy.port);
    await screenshot(page, 'oauth-choice');
    expect(await accessibilityViolations(page), 'accessibility violations with the sign-in choice').toEqual([]);
    await answerInNewTab(page, () => signIn.click(), 'Allow', 'oauth-provider-page');
    await expect(dialog).toBeHidden({ timeout: 20_000 });

    const list = page.getByRole('listbox', { name: 'Messages' });
    await expect(list.getByRole('option', { name: /Waiting for you/ })).toBeVisible({ timeout: 20_000 });

    // The IDLE watcher's and the reading connection's logins start as the list fills: one still
    // under way at the revoke was refused too (the race of this test: 1 of the 2 failing runs in 8 traced here), as any
    // login under way would be; the engine's own logins after the revoke are what is counted.
    await loginsSettled(() => logins(mailServer, user.address, 'imap'));
    // the provider revokes the sign-in and the server forgets the token: one refused login,
    // then the account asks, and nothing tries again on its own
    await oauthControl(mailServer.oauth.url, '/test/revoke-user', { user: user.address });
    await oauthControl(mailServer.oauth.url, '/test/expire', { user: user.address });
    proxy.dropSessions();
    const status = page.getByRole('status');
    const again = page.getByRole('button', { name: 'Sign in again…' });
    await expect(again).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/the sign-in has expired or was revoked/)).toBeVisible();
    await screenshot(page, 'oauth-sign-in-again');
    await page.waitForTimeout(3_000);
    expect(oauthRefusals(mailServer, user.address)).toBe(1);

    // one click: the provider's page again; allowed, the account comes back
    await answerInNewTab(page, () => again.click(), 'Allow');
    await expect(again).toBeHidden({ timeout: 20_000 });
    await expect(status).not.toContainText('revoked');
    await appendMessage(mailServer, user, noteTo(user, 'After signing in again'), 'INBOX');
    await expect(list.getByRole('option', { name: /After signing in again/ })).toBeVisible({ timeout: 20_000 });
    expect(oauthRefusals(mailServer, user.address)).toBe(1);
  });

  test('consent denied says so; an app password stays possible, and the provider sign-in can replace it later', async ({
    page,
    mailServer,
    user,
  }) => {
    shell = await oauthShell(mailServer);
    await page.goto(shell.url);
    const { dialog, signIn } = await toSignInChoice(page, mailServer, user, mailServer.ports.imaps);
    await answerInNewTab(page, () => signIn.click(), 'Deny');
    await expect(dialog.getByRole('alert')).toContainText('Access was not granted on Google’s page');
    await screenshot(page, 'oauth-denied');
    // the password path: asked for in this step, since none was given at the start
    await dialog.getByLabel('Password', { exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const add = dialog.getByRole('button', { name: 'Add account' });
    await expect(add).toBeEnabled({ timeout: 20_000 });
    await add.click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });

    // later, in the account's settings: the provider's sign-in instead of the password
    await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible({
      timeout: 20_000,
    });
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox')).toBeFocused();
    await page.keyboard.type('account settings');
    await page.keyboard.press('Enter');
    const servers = page.getByRole('dialog', { name: 'Settings' }).getByRole('form', { name: 'Servers' });
    await expect(servers).toContainText('Signs in with a password.');
    await answerInNewTab(
      page,
      () => servers.getByRole('button', { name: 'Sign in with Google instead' }).click(),
      'Allow',
    );
    await expect(servers).toContainText('Signs in through Google’s page', { timeout: 20_000 });
  });
});
