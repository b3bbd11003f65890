// A person sets up accounts with the wizard, in Chromium against the browser shell and the test
// bed. The test bed's domain (example.test) has no DNS, so discovery honestly finds nothing and
// the person types the settings (127.0.0.1 and the test bed's ports), as they would from their
// provider's help page; discovery itself is covered against local servers in
// test/integration/discovery.test.ts.
import type { Locator, Page } from '@playwright/test';
import { authFailures, waitForLogCount } from '../mailserver/logs';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { expect, screenshot, test } from './fixtures';

function wizard(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Add account' });
}

async function fillIdentity(dialog: Locator, user: MailUser, password = user.password): Promise<void> {
  await dialog.getByLabel('Name', { exact: true }).fill(user.name);
  await dialog.getByLabel('Email', { exact: true }).fill(user.address);
  await dialog.getByLabel('Password', { exact: true }).fill(password);
}

interface ServerChoice {
  host?: string;
  port: number;
  security?: 'SSL/TLS' | 'STARTTLS' | 'None (unsafe)';
}

/** Types the settings the way a person copies them from a help page. */
async function enterSettings(dialog: Locator, imap: ServerChoice, smtp: ServerChoice): Promise<void> {
  await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible({ timeout: 20_000 });
  for (const [kind, server] of [
    ['IMAP', imap],
    ['SMTP', smtp],
  ] as const) {
    if (server.security) await dialog.getByLabel(`${kind} security`).selectOption({ label: server.security });
    await dialog.getByLabel(`${kind} host`).fill(server.host ?? '127.0.0.1');
    await dialog.getByLabel(`${kind} port`).fill(String(server.port));
  }
}

function outcome(dialog: Locator, which: 'Incoming mail (IMAP)' | 'Outgoing mail (SMTP)'): Locator {
  return dialog.getByRole('group', { name: which });
}

async function expectBothConnected(dialog: Locator): Promise<void> {
  await expect(outcome(dialog, 'Incoming mail (IMAP)')).toContainText('Connected and signed in.', { timeout: 20_000 });
  await expect(outcome(dialog, 'Outgoing mail (SMTP)')).toContainText('Connected and signed in.');
}

/** The manual path, a passing test, and the account added: what the other e2e tests need too. */
async function addWithWizard(page: Page, server: MailServerInfo, user: MailUser): Promise<void> {
  const dialog = wizard(page);
  await expect(dialog).toBeVisible();
  await fillIdentity(dialog, user);
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await enterSettings(dialog, { port: server.ports.imaps }, { port: server.ports.submissions });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expectBothConnected(dialog);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

test('first run: the wizard opens, discovery finds nothing for example.test, the typed settings pass the test, the account syncs', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  const dialog = wizard(page);
  await expect(dialog).toBeVisible();
  // keyboard only: focus starts in Name, Enter goes on
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type(user.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.address);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');

  // every source answered (no DNS for example.test): nothing found, said plainly
  await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('No settings were found for example.test');
  await expect(dialog.getByLabel('Username')).toHaveValue(user.address);
  await expect(dialog.getByLabel('IMAP host')).toHaveValue('imap.example.test');
  await expect(dialog.getByLabel('Username')).toBeFocused();

  // STARTTLS switches the standard port with it; then the test bed's own ports
  await dialog.getByLabel('SMTP security').selectOption({ label: 'STARTTLS' });
  await expect(dialog.getByLabel('SMTP port')).toHaveValue('587');
  await enterSettings(dialog, { port: mailServer.ports.imaps }, { port: mailServer.ports.submission });
  await screenshot(page, 'wizard-settings');
  await dialog.getByLabel('SMTP port').press('Enter');

  await expectBothConnected(dialog);
  await screenshot(page, 'wizard-test-ok');
  // both passed: focus waits on "Add account"
  await expect(dialog.getByRole('button', { name: 'Add account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const folders = page.getByRole('tree', { name: 'Folders' });
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toBeVisible({ timeout: 20_000 });
});

test('a first-run wizard that opened before its code was in stays the same dialog: adding the account does not start it over, and Ctrl+K right after opens the palette', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  // the wizard's chunk arrives late, so the first run draws the wizard through Suspense
  await page.route('**/assets/AddAccountDialog-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto(shell.url);
  const dialog = wizard(page);
  await expect(dialog).toBeVisible();
  await page.evaluate(() => {
    const added: string[] = [];
    (window as { wizardsAdded?: string[] }).wizardsAdded = added;
    new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        const found = node instanceof Element ? (node.matches('dialog') ? node : node.querySelector('dialog')) : null;
        if (found) added.push(found.getAttribute('aria-label') ?? '');
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await addWithWizard(page, mailServer, user);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  expect(await page.evaluate(() => (window as { wizardsAdded?: string[] }).wizardsAdded)).toEqual(['Command palette']);
});

test('a wrong password is named, tried once, and can be corrected right there', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  const dialog = wizard(page);
  await fillIdentity(dialog, user, 'not-my-password');
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await enterSettings(dialog, { port: mailServer.ports.imaps }, { port: mailServer.ports.submissions });
  const before = authFailures(mailServer, user.address);
  await dialog.getByRole('button', { name: 'Test connection' }).click();

  await expect(outcome(dialog, 'Incoming mail (IMAP)')).toContainText(
    '127.0.0.1 did not accept the user name or password.',
    { timeout: 20_000 },
  );
  await expect(outcome(dialog, 'Outgoing mail (SMTP)')).toContainText('Not tried');
  await expect(dialog.getByRole('button', { name: 'Add account' })).toBeDisabled();
  await screenshot(page, 'wizard-wrong-password');
  // one click, one attempt: the SMTP server was not given the refused password
  expect(await waitForLogCount(() => authFailures(mailServer, user.address), before + 1)).toBe(before + 1);
  await page.waitForTimeout(1_000);
  expect(authFailures(mailServer, user.address)).toBe(before + 1);

  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  await dialog.getByRole('button', { name: 'Test again' }).click();
  await expectBothConnected(dialog);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();
});

test('a certificate from an unknown authority is shown, trusted for that server, and then used', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await page.goto(shell.url);
  const dialog = wizard(page);
  await fillIdentity(dialog, user);
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  const port = mailServer.ports.imapsUntrusted;
  await enterSettings(dialog, { port }, { port: mailServer.ports.submissions });
  await dialog.getByRole('button', { name: 'Test connection' }).click();

  const imap = outcome(dialog, 'Incoming mail (IMAP)');
  await expect(imap).toContainText('The certificate of 127.0.0.1 is not trusted.', { timeout: 20_000 });
  await expect(imap).toContainText('signed by an authority this computer does not trust');
  await expect(imap).toContainText('CN=localhost');
  await expect(imap.locator('code')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await expect(outcome(dialog, 'Outgoing mail (SMTP)')).toContainText('Connected and signed in.');
  await screenshot(page, 'wizard-certificate');

  await imap.getByRole('button', { name: `Trust this certificate for 127.0.0.1:${port}` }).click();
  await expectBothConnected(dialog);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  // the account's own connections accept the pinned certificate: it syncs
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible({
    timeout: 20_000,
  });
});

test('cleartext is warned about, and to another computer needs a second, explicit confirmation', async ({
  page,
  shell,
  user,
}) => {
  await page.goto(shell.url);
  const dialog = wizard(page);
  await fillIdentity(dialog, user);
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await enterSettings(
    dialog,
    { host: 'mail.example.test', port: 143, security: 'None (unsafe)' },
    { host: 'mail.example.test', port: 465 },
  );
  await expect(dialog.getByRole('alert').first()).toContainText(
    'Without encryption, your password and mail can be read on the network.',
  );
  const confirm = dialog.getByLabel('Send my password to mail.example.test without encryption anyway');
  await expect(confirm).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  // refused before anything is sent: the wizard stays, and says what it needs
  await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible();
  await expect(dialog).toContainText('Confirm that the password may be sent without encryption');
  await expect(confirm).toBeFocused();
  await screenshot(page, 'wizard-plaintext');

  // To this computer (a local bridge) cleartext needs no second confirmation.
  await dialog.getByLabel('IMAP host').fill('127.0.0.1');
  await expect(dialog).toContainText('127.0.0.1 is this computer: the password does not leave it.');
  await expect(dialog.getByLabel(/without encryption anyway/)).toHaveCount(0);
});

test('two accounts side by side: the second one added from the sidebar', async ({ page, shell, mailServer, user }) => {
  const second = await createMailUser(mailServer, 'e2e-second');
  await page.goto(shell.url);
  await addWithWizard(page, mailServer, user);
  const folders = page.getByRole('tree', { name: 'Folders' });
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toHaveCount(1, { timeout: 20_000 });

  await page.getByRole('button', { name: 'Add account' }).click();
  await addWithWizard(page, mailServer, second);

  for (const account of [user, second])
    await expect(folders.getByRole('treeitem', { name: new RegExp(`^${account.name}`) })).toBeVisible({
      timeout: 20_000,
    });
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toHaveCount(2, { timeout: 20_000 });
  await screenshot(page, 'wizard-two-accounts');
});
