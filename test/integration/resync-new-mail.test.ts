// A resync's new mail, when the gap above the stored UIDs is one batch at most
// (imap/sync/new-messages.ts): one UID FETCH of the range, no UID SEARCH for its UIDs first, and
// the range ends at the top the server announced, so a gap whose mail is gone again adds nothing
// (a FETCH to "*" would answer the newest stored message). Through the recording proxy.
import { describe, expect, it } from 'vitest';
import { planBody } from '../../electron/core/imap/body/structure';
import { syncMailbox } from '../../electron/core/imap/sync/mailbox-sync';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { otherDevice } from '../support/core-harness';
import { clientThrough, startImapFilterProxy } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { addTestAccount, openTempStore } from '../support/temp-store';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const hasAttachments = (structure: unknown) => planBody(structure).hasAttachments;

const raw = (n: number) => plainMessage(`new ${n}`);

describe('a resync with a little new mail', () => {
  it('fetches the gap as one UID range without a SEARCH, and adds nothing for mail gone again', async () => {
    const user: MailUser = await createMailUser(server, 'resync-gap');
    await populateMailbox(server, user, { count: 30, seed: 43 });
    const proxy = await startImapFilterProxy({ port: server.ports.imaps, caPem: server.caPem });
    cleanup.push(() => proxy.close());
    const connect = () => clientThrough(proxy, user, cleanup, { qresync: true });
    const { store } = openTempStore(cleanup, 'mail-resync-gap-');
    const inbox = addTestAccount(store).box('INBOX');
    const sync = async () =>
      syncMailbox(await connect(), store, store.mailboxes.get(inbox.id)!, { hasAttachments, onBatch: () => {} });
    await sync();
    expect(store.messages.count(inbox.id)).toBe(30);

    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (let n = 1; n <= 5; n++) await other.append('INBOX', raw(n));
    proxy.clearLog();
    const changes = await sync();
    const lines = proxy.commands.map(({ line }) => line);
    expect(lines.filter((line) => /^UID SEARCH/i.test(line))).toEqual([]);
    expect(lines.filter((line) => /^UID FETCH 31:35 /i.test(line))).toHaveLength(1);
    expect(store.messages.get(changes.added).map((header) => header.subject)).toEqual(
      expect.arrayContaining(['new 1', 'new 2', 'new 3', 'new 4', 'new 5']),
    );
    expect(changes.added).toHaveLength(5);
    expect(store.mailboxes.get(inbox.id)!.sync).toMatchObject({ syncedHighUid: 35, syncedLowUid: 1 });

    // two more arrive and are deleted again before the next resync: a gap with nothing in it
    await other.mailboxOpen('INBOX');
    for (let n = 6; n <= 7; n++) await other.append('INBOX', raw(n));
    await other.messageDelete('36:37', { uid: true });
    const empty = await sync();
    expect(empty.added).toEqual([]);
    expect(store.messages.count(inbox.id)).toBe(35);
    expect(store.mailboxes.get(inbox.id)!.sync.syncedHighUid).toBe(37);
  });
});
