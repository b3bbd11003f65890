// A resync with QRESYNC takes the flag changes and expunges made elsewhere from the SELECT's own
// answer (imap/sync/select-changes.ts): the SELECT carries the last sync's UIDVALIDITY and
// HIGHESTMODSEQ, and no UID FETCH ... CHANGEDSINCE follows it. On a connection with another
// mailbox selected, whose late FETCH could not be told from this one's, the FETCH after the
// SELECT is used as before. Either way the store ends as the server is. Through the recording proxy.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { planBody } from '../../electron/core/imap/body/structure';
import { syncMailbox } from '../../electron/core/imap/sync/mailbox-sync';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import { cleanupAfterEach } from '../support/cleanup';
import { otherDevice } from '../support/core-harness';
import { clientThrough, startImapFilterProxy } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { addTestAccount, openTempStore } from '../support/temp-store';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const hasAttachments = (structure: unknown) => planBody(structure).hasAttachments;

async function changedElsewhere(prefix: string) {
  const user = await createMailUser(server, prefix);
  await populateMailbox(server, user, { count: 20, seed: 47, flags: { seen: 0, flagged: 0, answered: 0 } });
  const proxy = await startImapFilterProxy({ port: server.ports.imaps, caPem: server.caPem });
  cleanup.push(() => proxy.close());
  const connect = () => clientThrough(proxy, user, cleanup, { qresync: true });
  const { store } = openTempStore(cleanup, 'mail-select-changes-');
  const inbox = addTestAccount(store).box('INBOX');
  const sync = async (client: ImapFlow) =>
    syncMailbox(client, store, store.mailboxes.get(inbox.id)!, { hasAttachments, onBatch: () => {} });
  await sync(await connect());

  const other = await otherDevice(server, user);
  cleanup.push(() => other.logout());
  await other.mailboxCreate('Elsewhere').catch(() => undefined);
  await other.mailboxOpen('INBOX');
  await other.messageFlagsAdd('3,5', ['\\Flagged'], { uid: true });
  await other.messageFlagsAdd('4', ['\\Seen'], { uid: true });
  await other.messageDelete('7', { uid: true });
  proxy.clearLog();

  /** "seen flagged" of a stored UID; undefined once it is gone. */
  const stored = (uid: number) => {
    const [id] = store.messages.idsByUid(inbox.id, [uid]).values();
    const [header] = id === undefined ? [] : store.messages.get([id]);
    return header && `${Number(header.flags.seen)} ${Number(header.flags.flagged)}`;
  };
  const lines = () => proxy.commands.map(({ line }) => line);
  return { store, inbox, connect, sync, stored, lines };
}

describe('a resync with QRESYNC', () => {
  it('takes the changes from the SELECT’s answer, with no FETCH of them after it', async () => {
    const { store, inbox, connect, sync, stored, lines } = await changedElsewhere('select-changes');
    const changes = await sync(await connect());

    expect(lines().filter((line) => /^SELECT "?INBOX"? \(QRESYNC \(\d+ \d+\)\)/i.test(line))).toHaveLength(1);
    expect(lines().filter((line) => /CHANGEDSINCE/i.test(line))).toEqual([]);
    expect([3, 4, 5, 6].map(stored)).toEqual(['0 1', '1 0', '0 1', '0 0']);
    expect(stored(7)).toBeUndefined();
    expect(changes.updated).toHaveLength(3);
    expect(changes.removed).toHaveLength(1);
    // the HIGHESTMODSEQ saved covers them: the next resync's SELECT reports nothing
    const again = await sync(await connect());
    expect(again).toEqual({ added: [], removed: [], updated: [] });
    expect(store.messages.count(inbox.id)).toBe(19);
  });

  it('fetches them after the SELECT when another mailbox was selected on the connection', async () => {
    const { connect, sync, stored, lines } = await changedElsewhere('select-changes-other');
    const client = await connect();
    await client.mailboxOpen('Elsewhere');
    const changes = await sync(client);

    expect(lines().filter((line) => /^SELECT .*QRESYNC/i.test(line))).toEqual([]);
    expect(lines().filter((line) => /^UID FETCH .*CHANGEDSINCE/i.test(line))).toHaveLength(1);
    expect([3, 4, 5, 6].map(stored)).toEqual(['0 1', '1 0', '0 1', '0 0']);
    expect(stored(7)).toBeUndefined();
    expect(changes.updated).toHaveLength(3);
    expect(changes.removed).toHaveLength(1);
  });
});
