// Local search against the real Dovecot: a synced INBOX is found by subject, sender and (once a
// body is opened and cached) body text; a message deleted on the server drops out, and one that
// arrives later is found at once and after the background indexer has reached it.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import {
  addAccount,
  allHeaders,
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

// the word only a body holds comes after a long first paragraph, past any snippet
const FILLER = 'Some ordinary words about the weather and the trains. '.repeat(40);
const raw = (from: string, subject: string, day: number, body: string) =>
  `From: ${from}\r\nTo: Me <me@example.test>\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <s${day}@example.test>\r\n` +
  `Content-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

/** The indexer's own view: nothing past the watermark, nothing waiting to be redone. */
function indexCaughtUp(core: CoreHandle): boolean {
  const db = new Database(path.join(core.dataDir, 'mail.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM messages WHERE id > (SELECT indexed_through FROM search_state))
              + (SELECT COUNT(*) FROM search_dirty) AS backlog`,
      )
      .get() as { backlog: number };
    return row.backlog === 0;
  } finally {
    db.close();
  }
}

describe('local search', () => {
  it('finds synced mail by subject, sender and opened body; forgets deleted mail; finds new mail', async () => {
    const user = await createMailUser(server, 'searcher');
    const device = await otherDevice(server, user);
    cleanup.push(() => device.logout());
    await device.append('INBOX', raw('Alice Ahlgren <alice@example.test>', 'Quarterly budget review', 1, 'Numbers.'));
    await device.append('INBOX', raw('Bob Berg <bob@example.test>', 'Lunch on Friday', 2, `${FILLER}\r\nkumquat`));
    await device.append('INBOX', raw('Alice Ahlgren <alice@example.test>', 'Budget, second draft', 3, 'See att.'));

    const core = await startCore(server);
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 3, { what: 'three headers' });
    const search = async (query: string) =>
      (
        await core.service.call('messages.search', {
          query,
          scope: { kind: 'mailbox', mailboxId: inbox.id },
          offset: 0,
          limit: 50,
        })
      ).messages.map((m) => m.subject);

    await waitFor(() => indexCaughtUp(core), { what: 'the indexer to reach every synced row' });
    expect(await search('budget')).toEqual(['Budget, second draft', 'Quarterly budget review']);
    expect(await search('budg')).toEqual(['Budget, second draft', 'Quarterly budget review']);
    expect(await search('from:bob')).toEqual(['Lunch on Friday']);
    expect(await search('from:alice@example.test -second')).toEqual(['Quarterly budget review']);
    expect(await search('"second draft"')).toEqual(['Budget, second draft']);
    expect(await search('"draft second"')).toEqual([]);

    // the body is not cached yet: its last word is not known
    expect(await search('kumquat')).toEqual([]);
    const lunch = (await allHeaders(core, inbox.id)).find((h) => h.subject === 'Lunch on Friday')!;
    await core.service.call('message.body', { id: lunch.id });
    expect(await search('kumquat')).toEqual(['Lunch on Friday']);
    await waitFor(() => indexCaughtUp(core), { what: 'the indexer to redo the opened message' });
    expect(await search('kumquat')).toEqual(['Lunch on Friday']);

    // deleted on another device: gone from the results as soon as sync removes it
    const review = (await allHeaders(core, inbox.id)).find((h) => h.subject === 'Quarterly budget review')!;
    await device.mailboxOpen('INBOX');
    await device.messageDelete(String(review.uid), { uid: true });
    await waitFor(async () => (await search('quarterly')).length === 0, { what: 'the deleted message to drop out' });
    expect(await search('budget')).toEqual(['Budget, second draft']);
    await waitFor(() => indexCaughtUp(core), { what: 'the indexer to drop the deleted row' });
    expect(await search('quarterly')).toEqual([]);

    // a new message: found once synced, and still after the indexer has reached it
    await device.append('INBOX', raw('Carol <carol@example.test>', 'Budget approved', 4, 'Go ahead.'));
    await waitFor(async () => (await search('approved')).length === 1, { what: 'the new message in the results' });
    await waitFor(() => indexCaughtUp(core), { what: 'the indexer to reach the new message' });
    expect(await search('budget')).toEqual(['Budget approved', 'Budget, second draft']);
    expect(await search('from:carol')).toEqual(['Budget approved']);

    // the whole cache, and operators the index does not hold
    const everywhere = await core.service.call('messages.search', {
      query: 'budget is:unread in:inbox',
      scope: { kind: 'all' },
      offset: 0,
      limit: 1,
    });
    expect(everywhere.total).toBe(2);
    expect(everywhere.messages.map((m) => [m.subject, m.accountId])).toEqual([['Budget approved', account.id]]);
    await expect(
      core.service.call('messages.search', { query: 'x', scope: { kind: 'nowhere' }, offset: 0, limit: 1 }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
