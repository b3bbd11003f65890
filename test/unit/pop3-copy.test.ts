// The durable copy of POP3 mail (store/pop3-copy.ts) on real SQLite files: mail.db damaged after
// the server removed its copies, and the messages come back from pop3-mail.db into their folders
// with their flags, their bytes and their UIDLs (so the next check downloads nothing again); a
// message deleted here leaves the copy too, all but its UIDL; the POP3 account comes back as POP3.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../shared/domain';
import { headerRow } from '../../electron/core/store/header-rows';
import { POP3_COPY_FILE_NAME, updatePop3Copy } from '../../electron/core/store/pop3-copy';
import { cleanupAfterEach } from '../support/cleanup';
import { damageDatabaseFile } from '../support/damage-database';
import { profileStores } from '../support/profile-stores';
import { headerRecord, testAccountSettings } from '../support/store-fixtures';
import { tempDir } from '../support/temp-store';

const cleanup = cleanupAfterEach();
const stores = profileStores(cleanup);

const source = (n: number) => Buffer.from(`Message-ID: <${n}@x>\r\nSubject: Message ${n}\r\n\r\nonly here ${n}\r\n`);

/** A POP3 profile with three downloaded messages (one moved to a folder of the user's, one flagged) and a Sent copy. */
function pop3Profile() {
  const dir = tempDir(cleanup, 'mail-pop3-copy-');
  const store = stores.open(dir);
  const account = store.accounts.insert(
    { ...testAccountSettings, protocol: 'pop3', imap: { host: 'pop.example.test', port: 995, security: 'tls' } },
    Buffer.from('sealed'),
  );
  const inbox = store.pop3.inbox(account.id);
  const ids = store.pop3.storeDownloaded({
    accountId: account.id,
    inbox,
    now: 1_700_000_000_000,
    bodies: [],
    whole: [1, 2, 3].map((n) => ({
      uidl: `uidl-${n}`,
      headerHash: `hash-${n}`,
      row: headerRow(inbox, headerRecord(0, { messageId: `<${n}@x>`, subject: `Message ${n}` })),
      raw: source(n),
    })),
  });
  return { dir, store, accountId: account.id, inbox, ids };
}

describe('the durable copy of POP3 mail', () => {
  it('brings POP3 mail back into its folders, with flags, bytes and UIDLs, after mail.db is damaged', () => {
    const { dir, store, accountId, ids } = pop3Profile();
    const projects = store.db
      .prepare(
        `INSERT INTO mailboxes (account_id, path, name, parent_path, delimiter, role, synced_low_uid)
         VALUES (?, 'Work/Projects', 'Projects', 'Work', '/', NULL, 1) RETURNING id`,
      )
      .get(accountId) as { id: number };
    store.messages.moveLocal([ids[1]! as MessageId], projects.id);
    store.db.prepare('UPDATE messages SET flagged = 1, seen = 1 WHERE id = ?').run(ids[0]);
    const sent = store.mailboxes.list(accountId).find((m) => m.role === 'sent')!;
    store.pop3.addLocal(sent.id, { ...headerRecord(0, { messageId: '<sent@x>', subject: 'Sent here' }) }, source(9));
    stores.close(store); // closing brings the copy up to date

    damageDatabaseFile(path.join(dir, 'mail.db'));
    const again = stores.open(dir);

    expect(again.notices).toEqual([expect.objectContaining({ kind: 'cache-rebuilt', restored: true })]);
    expect(again.accounts.get(accountId)?.protocol).toBe('pop3');
    const rows = again.db
      .prepare(
        `SELECT m.message_id AS messageId, b.path, m.seen, m.flagged, p.uidl, r.raw
         FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id JOIN pop3_raw r ON r.message_row = m.id
         LEFT JOIN pop3_messages p ON p.message_row = m.id ORDER BY m.message_id`,
      )
      .all();
    expect(rows).toEqual([
      { messageId: '<1@x>', path: 'INBOX', seen: 1, flagged: 1, uidl: 'uidl-1', raw: source(1) },
      { messageId: '<2@x>', path: 'Work/Projects', seen: 0, flagged: 0, uidl: 'uidl-2', raw: source(2) },
      { messageId: '<3@x>', path: 'INBOX', seen: 0, flagged: 0, uidl: 'uidl-3', raw: source(3) },
      { messageId: '<sent@x>', path: 'Sent', seen: 0, flagged: 0, uidl: null, raw: source(9) },
    ]);
    // the download knows them: complete, so nothing is downloaded again
    expect([...again.pop3.known(accountId).values()].map((k) => [k.uidl, k.complete]).sort()).toEqual([
      ['uidl-1', true],
      ['uidl-2', true],
      ['uidl-3', true],
    ]);
    // the standard folders are back, with the counts the list shows
    const folders = again.mailboxes.list(accountId);
    expect(
      folders
        .map((f) => f.role)
        .filter(Boolean)
        .sort(),
    ).toEqual(['archive', 'drafts', 'inbox', 'sent', 'trash']);
    expect(
      again.db.prepare("SELECT message_count, unread_count, flagged_count FROM mailboxes WHERE path = 'INBOX'").get(),
    ).toEqual({ message_count: 2, unread_count: 1, flagged_count: 1 });
    // and the copy is written again under the new rows, so a second damage loses nothing either
    const copy = new Database(path.join(dir, POP3_COPY_FILE_NAME), { readonly: true });
    const copied = copy.prepare('SELECT message_row FROM messages ORDER BY message_row').all();
    copy.close();
    expect(copied).toEqual(
      again.db.prepare('SELECT message_row FROM pop3_raw ORDER BY message_row').all() as { message_row: number }[],
    );
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the UIDL of a message deleted here, so a restore does not download it again', () => {
    const { dir, store, accountId, ids } = pop3Profile();
    store.messages.delete([ids[2]! as MessageId]); // deleted for good; the server still has it
    stores.close(store);

    damageDatabaseFile(path.join(dir, 'mail.db'));
    const again = stores.open(dir);

    expect(again.notices).toEqual([expect.objectContaining({ kind: 'cache-rebuilt', restored: true })]);
    const known = [...again.pop3.known(accountId).values()].sort((a, b) => a.uidl.localeCompare(b.uidl));
    expect(known.map((k) => [k.uidl, k.complete, k.deletedHere, k.headerHash])).toEqual([
      ['uidl-1', true, false, 'hash-1'],
      ['uidl-2', true, false, 'hash-2'],
      // known as deleted here: not downloaded, and removed from the server if the options say so
      ['uidl-3', false, true, 'hash-3'],
    ]);
    expect(again.db.prepare("SELECT COUNT(*) AS n FROM messages WHERE message_id = '<3@x>'").get()).toEqual({ n: 0 });

    // once the server forgets the UIDL, the copy forgets it too
    again.pop3.forget(accountId, ['uidl-3']);
    again.updatePop3Copy();
    const copy = new Database(path.join(dir, POP3_COPY_FILE_NAME), { readonly: true });
    const kept = copy.prepare('SELECT uidl FROM deleted_uidls').all();
    copy.close();
    expect(kept).toEqual([]);
  });

  it('lets a message deleted here go from the copy too, and keeps moves and flags current', () => {
    const { dir, store, ids } = pop3Profile();
    store.updatePop3Copy();
    store.messages.delete([ids[2]! as MessageId]);
    store.db.prepare('UPDATE messages SET flagged = 1 WHERE id = ?').run(ids[0]);
    store.updatePop3Copy();
    const copy = new Database(path.join(dir, POP3_COPY_FILE_NAME), { readonly: true });
    const rows = copy.prepare('SELECT message_id AS messageId, flagged FROM messages ORDER BY message_id').all();
    copy.close();
    expect(rows).toEqual([
      { messageId: '<1@x>', flagged: 1 },
      { messageId: '<2@x>', flagged: 0 },
    ]);
  });

  it('is never opened for a profile without POP3 accounts', () => {
    const dir = tempDir(cleanup, 'mail-pop3-copy-');
    const store = stores.open(dir);
    store.accounts.insert(testAccountSettings, Buffer.from('sealed'));
    updatePop3Copy(store.db, path.join(dir, POP3_COPY_FILE_NAME));
    stores.close(store);
    expect(existsSync(path.join(dir, POP3_COPY_FILE_NAME))).toBe(false);
  });
});
