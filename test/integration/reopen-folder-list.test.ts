// A reopened engine resyncs its INBOX before it lists the folders, and lists them without their
// counts: asking for them (LIST-STATUS, or a STATUS per folder on Courier) makes the server open
// every folder, the whole INBOX among them, before the SELECT that opens it again
// (sync/tree-counts.ts), and even a plain LIST and the quota are round trips the reopen's user
// waited behind (bench figure c2; the INBOX can be neither deleted nor renamed elsewhere, so the
// list cannot change its resync). The list still comes, after it, and so do the counts: at once
// for a folder about to sync for the first time, after the pass for a folder that is not synced,
// whose sidebar number is the server's. Through the recording proxy.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import { allHeaders, mailboxByPath, otherDevice, startCore } from '../support/core-harness';
import type { ProxiedCommand } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { cleanupAfterEach } from '../support/cleanup';
import { plainMessage } from '../support/plain-message';
import { syncedThroughFilterProxy } from '../support/synced-through-filter-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const quiet = mailboxPath(server, 'Quiet');

/** The commands sent before the first SELECT of the INBOX (on any of the engine's connections). */
function beforeInboxSelect(commands: readonly ProxiedCommand[]): string[] {
  const at = commands.findIndex(({ line }) => /^SELECT "?INBOX"?(\s|$)/i.test(line));
  expect(at, 'the INBOX was selected').toBeGreaterThanOrEqual(0);
  return commands.slice(0, at).map(({ line }) => line);
}

/** LIST-STATUS (RETURN (... STATUS ...)) or a STATUS: what has the server open a folder to count it. */
const asksCounts = (line: string) => /^STATUS /i.test(line) || /^LIST .*RETURN \(.*STATUS/i.test(line);

describe('reopen', () => {
  it('resyncs the INBOX before asking for any folder counts, and still shows an unsynced folder’s', async () => {
    const user = await createMailUser(server, 'reopen-list');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.mailboxCreate(quiet);
    for (const subject of ['one', 'two', 'three']) await other.append('INBOX', plainMessage(subject));

    const { proxy, core: first, account, inbox } = await syncedThroughFilterProxy(server, cleanup, user, 3);
    // a new account: the INBOX shows the server's count while its first sync runs
    expect(beforeInboxSelect(proxy.commands).some(asksCounts)).toBe(true);
    const folder = await mailboxByPath(first, account.id, quiet);
    await first.service.call('folders.setSync', { mailboxId: folder.id, sync: false });
    await first.service.settled();
    await first.service.close();

    // meanwhile, elsewhere: new mail in both folders
    await other.append('INBOX', plainMessage('four'));
    for (const subject of ['q1', 'q2']) await other.append(quiet, plainMessage(subject));
    proxy.clearLog();

    const second = await startCore(server, { dataDir: first.dataDir });
    cleanup.push(() => second.close());
    await waitFor(async () => (await allHeaders(second, inbox.id)).length === 4, { what: 'the resync' });
    await second.service.settled();
    const before = beforeInboxSelect(proxy.commands);
    // (it was pinned first until the INBOX's resync no longer waited for it: it cannot change that
    // resync); imapflow's LIST of the INBOX alone before its SELECT is the library's, a bare client's too
    const folderList = (line: string) => /^LIST /i.test(line) && !/^LIST "[^"]*" "?INBOX"?(\s|$)/i.test(line);
    expect(
      before.filter((line) => folderList(line) || /^GETQUOTAROOT /i.test(line)),
      'no list first',
    ).toEqual([]);
    expect(before.filter(asksCounts)).toEqual([]);
    expect(
      proxy.commands.some(({ line }) => folderList(line)),
      'the folders were listed after it',
    ).toBe(true);
    // the unsynced folder's number is the server's, asked for after the pass
    const boxes = await second.service.call('mailboxes.list', { accountId: account.id });
    expect(boxes.find((box) => box.id === folder.id)).toMatchObject({ syncEnabled: false, unread: 2, total: 2 });
    expect(proxy.commands.some(({ line }) => asksCounts(line))).toBe(true);
  });
});
