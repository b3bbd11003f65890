// The account settings in the SQLite cache alone: migration 5 gives existing accounts the
// current behaviour (remote images: ask), an update changes only what it names, and the
// allowed senders are kept per account in lower case.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/store/migrations';
import { Store } from '../../electron/core/store/store';
import { testAccountSettings } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { tempDir as tempDirFor } from '../support/temp-store';

const cleanup = cleanupAfterEach();
const tempDir = () => tempDirFor(cleanup, 'mail-account-settings-');

describe('account settings in the store', () => {
  it('migrates an account of schema 4 to remote images "ask" with no allowed senders', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'mail.db'));
    for (const migration of migrations.slice(0, 4)) db.exec(migration);
    db.pragma('user_version = 4');
    db.prepare(
      `INSERT INTO accounts (id, name, email, display_name, username, imap_host, imap_port, imap_security,
         smtp_host, smtp_port, smtp_security, created_at)
       VALUES ('old', 'Old', 'old@example.test', 'Old', 'old', 'imap.example.test', 993, 'tls',
         'smtp.example.test', 465, 'tls', 1)`,
    ).run();
    db.close();

    const store = Store.open(dir);
    try {
      expect(store.accounts.get('old')).toMatchObject({ name: 'Old', remoteImages: 'ask', syncIntervalSeconds: 60 });
      expect(store.accounts.remoteSenders('old')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('changes only the fields an update names, and clears an empty signature', () => {
    const store = Store.open(tempDir());
    try {
      const account = store.accounts.insert({ ...testAccountSettings, signature: 'Old sig' }, Buffer.from('x'));
      expect(account.remoteImages).toBe('ask');
      const updated = store.accounts.update(account.id, { displayName: 'New Name', remoteImages: 'always' });
      expect(updated).toMatchObject({
        name: testAccountSettings.name,
        displayName: 'New Name',
        signature: 'Old sig',
        remoteImages: 'always',
      });
      expect(store.accounts.update(account.id, { signature: '' })?.signature).toBeUndefined();
      expect(store.accounts.update(account.id, {})?.displayName).toBe('New Name');
      expect(store.accounts.update('missing', { name: 'X' })).toBeNull();
    } finally {
      store.close();
    }
  });

  it('keeps allowed senders per account, once each, and drops them with the account', () => {
    const store = Store.open(tempDir());
    try {
      const a = store.accounts.insert(testAccountSettings, Buffer.from('a'));
      const b = store.accounts.insert({ ...testAccountSettings, email: 'b@example.test' }, Buffer.from('b'));
      expect(store.accounts.allowRemoteSender(a.id, 'News@Example.com ')).toBe(true);
      expect(store.accounts.allowRemoteSender(a.id, 'news@example.com')).toBe(false);
      store.accounts.allowRemoteSender(b.id, 'other@example.com');
      expect(store.accounts.remoteSenders(a.id)).toEqual([{ accountId: a.id, address: 'news@example.com' }]);
      store.accounts.remove(a.id);
      expect(store.accounts.remoteSenders()).toEqual([{ accountId: b.id, address: 'other@example.com' }]);
    } finally {
      store.close();
    }
  });
});
