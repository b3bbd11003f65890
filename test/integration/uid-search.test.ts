// The UIDs sync asks a folder for (sync/uid-search.ts): in ranges through ESEARCH where the
// server has it (Dovecot), spelled out by a plain SEARCH where it has not (Courier, in the server
// matrix), the same set either way, gaps and all.
import { describe, expect, it } from 'vitest';
import { searchUidList, UidSearchRefused } from '../../electron/core/imap/sync/uid-search';
import { connectImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { buildMessage } from '../mailserver/message-samples';
import { cleanupAfterEach } from '../support/cleanup';
import { createMailUser } from '../support/mail-users';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const ascending = (uids: number[]) => [...uids].sort((a, b) => a - b);

describe('the UIDs of a folder, as sync asks for them', () => {
  it('are the same set as a plain SEARCH gives, with the gaps deleted messages leave', async () => {
    const user = await createMailUser(server, 'uid-search');
    const client = await connectImap(server, user);
    cleanup.push(() => client.logout());
    for (let i = 0; i < 30; i++) await client.append('INBOX', buildMessage('plain', i).raw);
    await client.mailboxOpen('INBOX');
    const all = ascending((await client.search({ all: true }, { uid: true })) || []);
    expect(all).toHaveLength(30);
    // gaps: a run in the middle, one alone, the newest
    const removed = [all[4]!, all[5]!, all[6]!, all[19]!, all[29]!];
    await client.messageDelete(removed.join(','), { uid: true });
    const left = all.filter((uid) => !removed.includes(uid));

    // Dovecot answers in ranges; the test must go through that path there
    if (server.imapServer.name === 'dovecot') expect(client.capabilities.has('ESEARCH')).toBe(true);
    expect(ascending(await searchUidList(client, { all: true }))).toEqual(left);
    expect(ascending(await searchUidList(client, { uid: `${all[2]}:*` }))).toEqual(
      left.filter((uid) => uid >= all[2]!),
    );
    expect(ascending(await searchUidList(client, { uid: `${all[3]}:${all[8]}` }))).toEqual([all[3], all[7], all[8]]);
    // the same answers a plain SEARCH gives
    const plain = ascending((await client.search({ uid: '1:*' }, { uid: true })) || []);
    expect(ascending(await searchUidList(client, { uid: '1:*' }))).toEqual(plain);
    // nothing matches: an empty list, not an error
    expect(await searchUidList(client, { uid: `${all[29]! + 100}:${all[29]! + 200}` })).toEqual([]);
  });

  it('is an error when the server refuses the search, never an empty folder', async () => {
    const user = await createMailUser(server, 'uid-search-refused');
    const client = await connectImap(server, user);
    cleanup.push(() => client.logout());
    await client.append('INBOX', buildMessage('plain', 1).raw);
    await client.mailboxOpen('INBOX');
    // a date that is none (RFC 9051's date is 1-Jan-2026): both servers answer BAD
    await expect(searchUidList(client, { before: 'junk' } as never)).rejects.toBeInstanceOf(UidSearchRefused);
    await expect(searchUidList(client, { all: true })).resolves.toHaveLength(1);
  });
});
