// The SQLite cache in a throwaway folder, for tests that fill it directly: opened, given the
// test account and its folders, and closed and removed by the test's cleanup afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ListedMailbox } from '../../electron/core/store/mailboxes-repo';
import { Store } from '../../electron/core/store/store';
import type { TestCleanup } from './cleanup';
import { listedMailbox, testAccountSettings } from './store-fixtures';

/** A fresh temporary folder, removed after the test. */
export function tempDir(cleanup: TestCleanup, prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Store in a fresh folder; closed (if the test has not) and removed after the test. */
export function openTempStore(cleanup: TestCleanup, prefix: string): { store: Store; dir: string } {
  const dir = tempDir(cleanup, prefix);
  const store = Store.open(dir);
  cleanup.push(() => store.close());
  return { store, dir };
}

/**
 * The test account (sealed password "x") with `folders`, INBOX alone unless told. `box(path)`
 * is a folder's row: every test needs a mailbox id, most need several.
 */
export function addTestAccount(
  store: Store,
  folders: ListedMailbox[] = [listedMailbox('INBOX', 'inbox')],
  settings = testAccountSettings,
) {
  const account = store.accounts.insert(settings, Buffer.from('x'));
  store.mailboxes.replaceTree(account.id, folders);
  const box = (folderPath: string) => {
    const row = store.mailboxes.byPath(account.id, folderPath);
    if (!row) throw new Error(`no folder ${folderPath}`);
    return row;
  };
  return { account, box };
}
