// A damaged mail.db, a damaged user-data copy and a full disk, each on a real SQLite file: the
// app starts, says what happened, and nothing the user wrote (accounts, drafts, the outbox,
// trusted certificates, identities, the contacts they made, an authserv-id they set) is lost; every database left in use passes integrity_check.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposeDraft } from '../../shared/compose';
import { eraseAccount } from '../../electron/core/accounts/account-removal';
import { CertificatePins } from '../../electron/core/accounts/cert-pins';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { createMailService } from '../../electron/core/service';
import { toServiceError } from '../../electron/core/service-error';
import { NewerDatabaseError } from '../../electron/core/store/database';
import { ContactsRepo } from '../../electron/core/store/contacts-repo';
import { DraftsRepo } from '../../electron/core/store/drafts-repo';
import { IdentitiesRepo } from '../../electron/core/store/identities-repo';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { OutboxRepo } from '../../electron/core/store/outbox-repo';
import { Store } from '../../electron/core/store/store';
import { userDataCounter } from '../../electron/core/store/user-data-backup';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { damageDatabaseFile } from '../support/damage-database';
import { profileStores } from '../support/profile-stores';
import { testAccountSettings } from '../support/store-fixtures';
import { tempDir } from '../support/temp-store';

const cleanup = cleanupAfterEach();
const stores = profileStores(cleanup);

function draft(accountId: string, body: string): ComposeDraft {
  return composeDraft(accountId, { subject: 'Plans', body });
}

/** A profile with one account, one draft and one queued message, closed (so the copy is current). */
function writtenProfile(): { dir: string; accountId: string } {
  const dir = tempDir(cleanup, 'mail-recovery-');
  const store = stores.open(dir);
  const account = store.accounts.insert(testAccountSettings, Buffer.from('sealed-secret'));
  new DraftsRepo(store.db).insert('d1', account.id, '<d1@x>', draft(account.id, 'The words I wrote'), 'h1');
  new OutboxRepo(store.db).insert({
    accountId: account.id,
    messageId: '<o1@x>',
    raw: Buffer.from('Subject: Queued\r\n\r\nGoing out'),
    envelope: { from: 'a@example.test', to: ['b@example.test'] },
    sendAfter: 0,
    draftId: null,
    subject: 'Queued',
    sentHeaders: '',
  });
  stores.close(store);
  return { dir, accountId: account.id };
}

function expectUserDataIntact(store: Store, accountId: string): void {
  expect(store.accounts.list().map((a) => a.id)).toEqual([accountId]);
  expect(store.accounts.secret(accountId)?.toString()).toBe('sealed-secret');
  expect(new DraftsRepo(store.db).get('d1')?.draft.body).toBe('The words I wrote');
  expect(new OutboxRepo(store.db).list().map((item) => item.subject)).toEqual(['Queued']);
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('a damaged mail.db', () => {
  it('is set aside, the user is told, and accounts, drafts and the outbox come back from the copy', () => {
    const { dir, accountId } = writtenProfile();
    damageDatabaseFile(path.join(dir, 'mail.db'));

    const store = stores.open(dir);

    expect(store.notices).toEqual([
      { kind: 'cache-rebuilt', keptAs: expect.stringMatching(/^mail\.db\.damaged-/), restored: true },
    ]);
    expect(readdirSync(dir).some((name) => /^mail\.db\.damaged-[\d-TZ]+$/.test(name))).toBe(true);
    expectUserDataIntact(store, accountId);
    // the fresh cache holds no mail yet: sync fetches it again
    expect(store.mailboxes.list(accountId)).toEqual([]);
  });

  it('without any copy starts empty and says nothing could be restored', () => {
    const { dir } = writtenProfile();
    damageDatabaseFile(path.join(dir, 'mail.db'));
    rmSync(path.join(dir, 'user-data.db'));

    const store = stores.open(dir);

    expect(store.notices).toEqual([{ kind: 'cache-rebuilt', keptAs: expect.any(String), restored: false }]);
    expect(store.accounts.list()).toEqual([]);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('the authserv-id the user set', () => {
  it('comes back from the copy, and setting or clearing it moves the copy’s counter', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    const before = userDataCounter(store.db);
    store.authserv.set(accountId, 'mx.example.test');
    expect(userDataCounter(store.db)).toBeGreaterThan(before);
    stores.close(store);
    damageDatabaseFile(path.join(dir, 'mail.db'));

    const rebuilt = stores.open(dir);
    expect(rebuilt.authserv.get(accountId)).toBe('mx.example.test');
    const restored = userDataCounter(rebuilt.db);
    rebuilt.authserv.set(accountId, null);
    expect(userDataCounter(rebuilt.db)).toBeGreaterThan(restored);
  });
});

describe('identities and contacts', () => {
  it('come back from the copy: the identities whole, the contacts the user made without the harvest’s counts', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    new IdentitiesRepo(store.db).save({
      accountId,
      email: 'sales@example.test',
      name: 'Sales',
      signature: '<b>Sales</b>',
      signaturePlacement: 'below',
    });
    const contacts = new ContactsRepo(store.db);
    contacts.saveByUser('ada@example.org', 'Ada Lovelace');
    contacts.saveByUser('pest@example.org', 'Pest');
    contacts.remove('pest@example.org');
    // counted from the cached mail: Ada was written to too; Bob only ever harvested
    contacts.record(
      [
        { address: 'ada@example.org', name: 'Ada L.', kind: 'written', at: 1_000 },
        { address: 'bob@example.org', name: 'Bob', kind: 'seen', at: 2_000 },
      ],
      7,
    );
    stores.close(store);
    damageDatabaseFile(path.join(dir, 'mail.db'));

    const reopened = stores.open(dir);
    expect(reopened.notices).toMatchObject([{ kind: 'cache-rebuilt', restored: true }]);
    expect(new IdentitiesRepo(reopened.db).list(accountId)).toMatchObject([
      { email: 'sales@example.test', name: 'Sales', signature: '<b>Sales</b>', signaturePlacement: 'below' },
    ]);
    // the harvest walks the re-synced cache again from the start and counts each message once
    expect(
      reopened.db
        .prepare(
          'SELECT address, name, written_count, seen_count, added_by_user, removed FROM contacts ORDER BY address',
        )
        .all(),
    ).toEqual([
      {
        address: 'ada@example.org',
        name: 'Ada Lovelace',
        written_count: 0,
        seen_count: 0,
        added_by_user: 1,
        removed: 0,
      },
      { address: 'pest@example.org', name: 'Pest', written_count: 0, seen_count: 0, added_by_user: 0, removed: 1 },
    ]);
    expect(reopened.db.prepare('SELECT last_message_id FROM contacts_harvest').get()).toEqual({ last_message_id: 0 });
  });

  it('move the copy’s counter when the user changes them, not when the harvest counts mail', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    const contacts = new ContactsRepo(store.db);
    const moved = (change: () => void): boolean => {
      const before = userDataCounter(store.db);
      change();
      return userDataCounter(store.db) !== before;
    };
    expect(moved(() => contacts.record([{ address: 'bob@example.org', name: 'Bob', kind: 'seen', at: 1 }], 1))).toBe(
      false,
    );
    expect(moved(() => contacts.saveByUser('ada@example.org', 'Ada'))).toBe(true);
    // the harvest counting a contact the user made changes nothing of theirs
    expect(moved(() => contacts.record([{ address: 'ada@example.org', name: 'A', kind: 'written', at: 2 }], 2))).toBe(
      false,
    );
    expect(moved(() => contacts.saveByUser('bob@example.org', 'Robert'))).toBe(true);
    expect(moved(() => contacts.remove('ada@example.org'))).toBe(true);
    const identities = new IdentitiesRepo(store.db);
    let id = 0;
    expect(
      moved(
        () =>
          (id = identities.save({
            accountId,
            email: 'x@example.test',
            name: '',
            signature: '',
            signaturePlacement: null,
          }).id),
      ),
    ).toBe(true);
    expect(moved(() => identities.remove(id))).toBe(true);
  });
});

describe('a missing mail.db', () => {
  it('is rebuilt with accounts, drafts and the outbox from the copy, which is not overwritten with nothing', () => {
    const { dir, accountId } = writtenProfile();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path.join(dir, `mail.db${suffix}`), { force: true });

    const store = stores.open(dir);

    expect(store.notices).toEqual([{ kind: 'cache-missing' }]);
    expectUserDataIntact(store, accountId);
    stores.close(store);
    const copy = new Database(path.join(dir, 'user-data.db'), { readonly: true });
    expect(copy.prepare('SELECT id FROM accounts').all()).toEqual([{ id: accountId }]);
    copy.close();
  });
});

describe('a copy written by a newer version', () => {
  it('is not restored into this older schema: start-up stops and leaves both files untouched', () => {
    const { dir } = writtenProfile();
    const copy = new Database(path.join(dir, 'user-data.db'));
    copy.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    copy.close();
    damageDatabaseFile(path.join(dir, 'mail.db'));

    expect(() => Store.open(dir)).toThrow(NewerDatabaseError);
    expect(readdirSync(dir).filter((name) => name.includes('damaged'))).toEqual([]);
    const kept = new Database(path.join(dir, 'user-data.db'), { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(kept.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 1 });
    kept.close();
  });
});

describe('a damaged user-data copy', () => {
  it('is set aside and written again from the cache, and then saves the user from a damaged cache', () => {
    const { dir, accountId } = writtenProfile();
    damageDatabaseFile(path.join(dir, 'user-data.db'));

    const first = stores.open(dir);
    expect(first.notices).toEqual([
      { kind: 'backup-damaged', keptAs: expect.stringMatching(/^user-data\.db\.damaged-/) },
    ]);
    expectUserDataIntact(first, accountId);
    stores.close(first);

    const copy = new Database(path.join(dir, 'user-data.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 1 });
    copy.close();

    damageDatabaseFile(path.join(dir, 'mail.db'));
    const second = stores.open(dir);
    expectUserDataIntact(second, accountId);
  });
});

describe('a full disk', () => {
  it('refuses the write with a clear message and keeps everything written before', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    // the database may grow no further: exactly what a full disk does to SQLite
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);

    let thrown: unknown;
    try {
      new DraftsRepo(store.db).insert('d2', accountId, '<d2@x>', draft(accountId, 'x'.repeat(200_000)), 'h2');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
    const shown = toServiceError(thrown);
    expect(shown.code).toBe('disk-full');
    expect(shown.message).toMatch(/no room left on the disk: nothing was saved/);

    expect(new DraftsRepo(store.db).get('d2')).toBeNull();
    expectUserDataIntact(store, accountId);
    stores.close(store);
    expectUserDataIntact(stores.open(dir), accountId);
  });
});

describe('the user-data copy', () => {
  it('forgets a removed account at once, its sealed password included', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    eraseAccount(store, new CertificatePins(store.db), accountId);

    const copy = new Database(path.join(dir, 'user-data.db'), { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    expect(copy.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 });
    copy.close();
  });

  it('that cannot be written keeps the previous copy whole, and says so in the log', () => {
    const { dir, accountId } = writtenProfile();
    const logged: string[] = [];
    const store = stores.open(dir, (message) => logged.push(message));
    new DraftsRepo(store.db).insert('d3', accountId, '<d3@x>', draft(accountId, 'Not copied yet'), 'h3');
    // the temporary file's place is taken: the copy cannot be written
    mkdirSync(path.join(dir, 'user-data.db.writing', 'blocked'), { recursive: true });
    store.backUpUserData();
    expect(logged.join('\n')).toMatch(/could not be updated/);

    const copy = new Database(path.join(dir, 'user-data.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT id FROM drafts').all()).toEqual([{ id: 'd1' }]);
    copy.close();
  });

  it('follows changes made after start-up when the store closes', () => {
    const { dir, accountId } = writtenProfile();
    const store = stores.open(dir);
    new DraftsRepo(store.db).insert('d3', accountId, '<d3@x>', draft(accountId, 'Written later'), 'h3');
    stores.close(store);

    damageDatabaseFile(path.join(dir, 'mail.db'));
    const reopened = stores.open(dir);
    expect(new DraftsRepo(reopened.db).get('d3')?.draft.body).toBe('Written later');
    expect(existsSync(path.join(dir, 'user-data.db.writing'))).toBe(false);
  });
});

describe('app.notices', () => {
  it('tells the UI about a rebuilt cache and about passwords kept without a keychain', async () => {
    const { dir } = writtenProfile();
    damageDatabaseFile(path.join(dir, 'mail.db'));
    const service = await createMailService({
      dataDir: dir,
      cipher: new KeyFileCipher(path.join(dir, '..', `${path.basename(dir)}.key`), 'weak'),
      offline: true,
    });
    try {
      expect(await service.call('app.notices', {})).toEqual([
        { kind: 'cache-rebuilt', keptAs: expect.stringMatching(/^mail\.db\.damaged-/), restored: true },
        { kind: 'weak-secret-storage' },
      ]);
    } finally {
      await service.close();
      rmSync(path.join(dir, '..', `${path.basename(dir)}.key`), { force: true });
    }
  });
});
