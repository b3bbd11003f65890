// A damaged mail database, as a user meets it: the app starts anyway, says what happened in
// words, and the account (with its stored password) is back and syncing from the server.
import path from 'node:path';
import { populateMailbox } from '../mailserver/populate';
import { damageDatabaseFile } from '../support/damage-database';
import { addAccountThroughUi, expect, startShell, stopShellProcess, test } from './fixtures';

test('a damaged mail.db is set aside, the user is told, and the account syncs again', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await populateMailbox(mailServer, user, { count: 3, seed: 5 });
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const folders = page.getByRole('tree', { name: 'Folders' });
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toBeVisible({ timeout: 20_000 });

  // quit (the copy of the user's data is brought up to date on close), then damage the cache
  await stopShellProcess(shell);
  damageDatabaseFile(path.join(shell.profileDir, 'mail.db'));

  const restarted = await startShell(mailServer, {}, shell.profileDir);
  try {
    await page.goto(restarted.url);
    const notice = page.getByRole('alert').filter({ hasText: 'The mail database was damaged' });
    await expect(notice).toContainText('mail.db.damaged-', { timeout: 20_000 });
    await expect(notice).toContainText('your accounts, drafts and outbox were restored');
    // the stored password opened again: the mail comes back from the server
    await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('listbox', { name: 'Messages' }).getByRole('option')).toHaveCount(3, {
      timeout: 20_000,
    });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();

    // how the restored password is protected is said in the settings (the browser shell: a key file)
    await page.getByRole('button', { name: 'Settings' }).click();
    const protection = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Stored passwords' });
    await expect(protection).toContainText('a key file kept beside your mail profile');
  } finally {
    await stopShellProcess(restarted);
  }
});
