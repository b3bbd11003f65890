// Search that finds everything, against Dovecot: words only a body holds (bodies never
// downloaded) and messages whose headers the cache does not have are found by the server's
// SEARCH, their headers fetched and stored, and listed by messages.search beside the local hits
// without duplicates, marked as found on the server. "All folders" searches every folder; a new
// search cancels the one under way; offline, the answer says the server part could not run.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SearchScope } from '../../shared/search-query';
import { getMailServer } from '../mailserver/inject';
import {
  addAccount,
  allHeaders,
  mailboxByPath,
  mailboxByRole,
  otherDevice,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

// the words searched for come after a long first paragraph, past any snippet
const FILLER = 'Some ordinary words about the weather and the trains. '.repeat(40);
const raw = (subject: string, day: number, body: string) =>
  `From: Sender <sender@example.test>\r\nTo: Me <me@example.test>\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <srv${day}@example.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${FILLER}\r\n${body}\r\n`;

/** Drops cached rows the way a cache that never fetched them looks (another connection, as a test may). */
function forgetHeaders(core: CoreHandle, subjects: string[]): void {
  const db = new Database(path.join(core.dataDir, 'mail.db'));
  try {
    const drop = db.prepare('DELETE FROM messages WHERE subject = ?');
    for (const subject of subjects) expect(drop.run(subject).changes).toBe(1);
  } finally {
    db.close();
  }
}

const search = async (core: CoreHandle, query: string, scope: SearchScope) =>
  core.service.call('messages.search', { query, scope, offset: 0, limit: 100 });

describe('server search', () => {
  it('finds uncached bodies and headers, merged without duplicates; all folders; cancelled; offline', async () => {
    const user = await createMailUser(server, 'finder');
    const device = await otherDevice(server, user);
    await device.mailboxCreate('Archive');
    await device.append('INBOX', raw('Quarterly numbers', 1, 'Nothing special here.'));
    await device.append('INBOX', raw('Quarterly plan', 2, 'The zanzibar option.'));
    await device.append('INBOX', raw('Lunch', 3, 'Meet at noon. quarterly review of zanzibar.'));
    await device.append('INBOX', raw('Old thread', 4, 'An old zanzibar note.'));
    await device.append('INBOX', raw('Unrelated', 5, 'Nothing to see.'));
    await device.append('Archive', raw('Archived trip', 6, 'Zanzibar in 2019.'));
    await device.logout();

    // no interval checks: nothing syncs again behind the test's back
    const c = await startCore(server, { intervalSeconds: 3600 });
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 5);
    const archive = await mailboxByPath(c, account.id, 'Archive');
    await waitFor(async () => (await allHeaders(c, archive.id)).length === 1);
    const inInbox: SearchScope = { kind: 'mailbox', mailboxId: inbox.id };

    // the cache knows subjects only: "zanzibar" is in bodies never downloaded
    expect((await search(c, 'zanzibar', inInbox)).total).toBe(0);
    // and "Old thread" has not even its header in the cache
    forgetHeaders(c, ['Old thread']);
    expect((await allHeaders(c, inbox.id)).map((m) => m.subject)).not.toContain('Old thread');

    const found = await c.service.call('messages.serverSearch', { query: 'zanzibar', scope: inInbox });
    expect(found).toEqual({ outcome: 'done', matched: 3, fetched: 1, searchedFolders: 1, unreachableFolders: 0 });
    const listed = await search(c, 'zanzibar', inInbox);
    expect(listed.messages.map((m) => m.subject).sort()).toEqual(['Lunch', 'Old thread', 'Quarterly plan']);
    expect(listed.messages.every((m) => m.foundOnServer === true)).toBe(true);
    // the header fetched is stored like a synced one, and the list was told
    expect((await allHeaders(c, inbox.id)).map((m) => m.subject)).toContain('Old thread');
    const oldThread = listed.messages.find((m) => m.subject === 'Old thread')!;
    expect(c.eventsOf('messages.changed').some((e) => e.added.includes(oldThread.id))).toBe(true);

    // local and server hits of one query merge: each message once, only the server's marked
    const before = await search(c, 'quarterly', inInbox);
    expect(before.messages.map((m) => m.subject).sort()).toEqual(['Quarterly numbers', 'Quarterly plan']);
    const both = await c.service.call('messages.serverSearch', { query: 'quarterly', scope: inInbox });
    expect(both.matched).toBe(3);
    const merged = await search(c, 'quarterly', inInbox);
    expect(merged.total).toBe(3);
    expect(new Set(merged.messages.map((m) => m.id)).size).toBe(3);
    expect(merged.messages.filter((m) => m.foundOnServer).map((m) => m.subject)).toEqual(['Lunch']);

    // all folders: every folder is searched on the server too
    const everywhere: SearchScope = { kind: 'all' };
    forgetHeaders(c, ['Archived trip']);
    const all = await c.service.call('messages.serverSearch', { query: 'zanzibar', scope: everywhere });
    expect(all.outcome).toBe('done');
    expect(all.searchedFolders).toBeGreaterThanOrEqual(2);
    expect(all.fetched).toBe(1);
    const allListed = await search(c, 'zanzibar', everywhere);
    expect(allListed.messages.map((m) => m.subject).sort()).toEqual([
      'Archived trip',
      'Lunch',
      'Old thread',
      'Quarterly plan',
    ]);

    // a new query cancels the one under way: it stops before its next folder
    const first = c.service.call('messages.serverSearch', { query: 'trains', scope: everywhere });
    const second = c.service.call('messages.serverSearch', { query: 'noon', scope: everywhere });
    const [cancelled, done] = await Promise.all([first, second]);
    expect(cancelled.outcome).toBe('cancelled');
    expect(cancelled.searchedFolders).toBeLessThan(all.searchedFolders);
    expect(done).toMatchObject({ outcome: 'done', matched: 1 });
    // and so does messages.cancelServerSearch
    const third = c.service.call('messages.serverSearch', { query: 'weather', scope: everywhere });
    await c.service.call('messages.cancelServerSearch', {});
    expect((await third).outcome).toBe('cancelled');

    // a query of flags alone is the cache's: nothing goes to the server
    expect((await c.service.call('messages.serverSearch', { query: 'is:unread', scope: inInbox })).outcome).toBe(
      'skipped',
    );

    // offline: the server part says it could not run; the local part still answers
    await c.close();
    const offline = await startCore(server, { dataDir: c.dataDir, offline: true });
    cleanup.push(() => offline.close());
    const result = await offline.service.call('messages.serverSearch', { query: 'noon', scope: inInbox });
    expect(result).toMatchObject({ outcome: 'offline', searchedFolders: 0, unreachableFolders: 1 });
    expect((await search(offline, 'quarterly', inInbox)).total).toBe(2);
  });
});
