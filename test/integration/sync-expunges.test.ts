// The UID-diff safety net (sync/expunges.ts) on a mailbox that is already complete: a message the
// user read meanwhile pins its \Seen until the op is replayed, and a pass over the mailbox must
// then neither build the map of every stored UID nor search the server, while a message moved
// away locally still counts as the server's and one expunged elsewhere is still found.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it, vi } from 'vitest';
import { planBody } from '../../electron/core/imap/body/structure';
import { syncMailbox } from '../../electron/core/imap/sync/mailbox-sync';
import { connectImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import { createMailUser } from '../support/mail-users';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const hasAttachments = (structure: unknown) => planBody(structure).hasAttachments;

async function client(user: Awaited<ReturnType<typeof createMailUser>>): Promise<ImapFlow> {
  const c = await connectImap(server, user);
  cleanup.push(() => c.logout());
  return c;
}

/** The UID SEARCHes a client sends from now on: imapflow sends every command through exec(). */
function searchesSent(imap: ImapFlow): string[] {
  const searches: string[] = [];
  const internals = imap as unknown as { exec: (command: string, ...rest: unknown[]) => unknown };
  const exec = internals.exec.bind(imap);
  internals.exec = (command, ...rest) => {
    if (command.includes('SEARCH')) searches.push(command);
    return exec(command, ...rest);
  };
  return searches;
}

describe('expunges found by the UID diff', () => {
  it('a complete mailbox with pinned messages costs no map of its UIDs and no SEARCH, until one is gone', async () => {
    const user = await createMailUser(server, 'expunge-pins');
    await populateMailbox(server, user, { count: 120, seed: 3 });
    const { store } = openTempStore(cleanup, 'mail-sync-expunges-');
    const { account, box } = addTestAccount(store);
    const inbox = box('INBOX');
    const sync = async () =>
      syncMailbox(await client(user), store, store.mailboxes.get(inbox.id)!, { hasAttachments, onBatch: () => {} });
    await sync();
    expect(store.messages.uidCount(inbox.id)).toBe(120);

    // Read (\Seen pending) and moved away locally (no longer stored, not yet moved on the server).
    store.pendingOps.enqueue(account.id, 'flags', {}, [{ mailboxId: inbox.id, uid: 7 }]);
    store.pendingOps.enqueue(account.id, 'move', {}, [{ mailboxId: inbox.id, uid: 9 }]);
    store.messages.removeUids(inbox.id, [9]);

    const everyUid = vi.spyOn(store.messages, 'uids');
    const imap = await client(user);
    const searches = searchesSent(imap);
    const quiet = await syncMailbox(imap, store, store.mailboxes.get(inbox.id)!, { hasAttachments, onBatch: () => {} });
    expect(quiet.removed).toEqual([]);
    expect(everyUid).not.toHaveBeenCalled();
    expect(searches).toEqual([]);

    // Expunged on another device: the counts differ, and the diff finds it.
    const other = await client(user);
    await other.mailboxOpen('INBOX');
    await other.messageDelete('30', { uid: true });
    const gone = await sync();
    expect(everyUid).toHaveBeenCalled();
    expect(gone.removed).toHaveLength(1);
    expect(store.messages.idsByUid(inbox.id, [30, 7]).has(30)).toBe(false);
    expect(store.messages.idsByUid(inbox.id, [7]).size).toBe(1);
  });
});
