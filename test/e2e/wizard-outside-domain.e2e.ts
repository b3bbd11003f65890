// Discovery that only DNS vouches for: SRV records for the address's domain point at a server in
// another domain (here "localhost", where the test bed listens). A forged answer on a hostile
// network would look exactly like this, so the wizard names both domains and asks before the
// connection test sends the password; once confirmed, the account is added as usual. The SRV
// answers come from a DNS server of the test's own (test/support/dns-server.ts).
import { startDnsServer } from '../support/dns-server';
import { expect, startShell, stopShell, test } from './fixtures';

test('servers DNS named outside the address’s domain need a confirmation naming both domains', async ({
  page,
  mailServer,
  user,
}) => {
  const domain = user.address.split('@')[1]!;
  const dns = await startDnsServer({
    [`_imaps._tcp.${domain}`]: [{ priority: 0, weight: 0, port: mailServer.ports.imaps, target: 'localhost' }],
    [`_submissions._tcp.${domain}`]: [
      { priority: 0, weight: 0, port: mailServer.ports.submissions, target: 'localhost' },
    ],
  });
  const shell = await startShell(mailServer, { MAIL_TEST_DNS_SERVER: dns.address });
  try {
    await page.goto(shell.url);
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.getByLabel('Name', { exact: true }).fill(user.name);
    await dialog.getByLabel('Email', { exact: true }).fill(user.address);
    await dialog.getByLabel('Password', { exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: 'Continue' }).click();

    await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByLabel('IMAP host')).toHaveValue('localhost');
    await expect(dialog).toContainText(`The servers found for ${domain} belong to another domain, localhost`);
    const confirm = dialog.getByLabel(`I trust localhost to receive my password for ${domain}`);
    await expect(confirm).not.toBeChecked();

    // without the confirmation the password goes nowhere
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Confirm that you trust the servers in the other domain');
    await expect(dialog.getByRole('heading', { name: 'Server settings' })).toBeVisible();

    await confirm.check();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('group', { name: 'Incoming mail (IMAP)' })).toContainText(
      'Connected and signed in.',
      {
        timeout: 20_000,
      },
    );
    await dialog.getByRole('button', { name: 'Add account' }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    expect(dns.asked).toContainEqual({ name: `_imaps._tcp.${domain}`, type: 33 });
  } finally {
    await stopShell(shell);
    await dns.close();
  }
});
