// Header sync in batches against the real Dovecot: the first screen comes by sequence number
// before any SEARCH, the next FETCH is under way while a batch is written, and a sync cut off
// after a few batches has saved exactly what it stored, so the next one resumes and ends with
// every message once, with the server's flags.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
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

function openStore() {
  const { store } = openTempStore(cleanup, 'mail-sync-batches-');
  return { store, inbox: addTestAccount(store).box('INBOX') };
}

async function client(user: Awaited<ReturnType<typeof createMailUser>>): Promise<ImapFlow> {
  const c = await connectImap(server, user);
  cleanup.push(() => c.logout());
  return c;
}

/** What a client asks the server from now on, in order: imapflow sends every command through exec(). */
function commandsSent(imap: ImapFlow): string[] {
  const commands: string[] = [];
  const internals = imap as unknown as { exec: (command: string, ...rest: unknown[]) => unknown };
  const exec = internals.exec.bind(imap);
  internals.exec = (command, ...rest) => {
    commands.push(command);
    return exec(command, ...rest);
  };
  return commands;
}

const hasAttachments = (structure: unknown) => planBody(structure).hasAttachments;

class CutOff extends Error {}

describe('header sync in batches', () => {
  it('resumes a sync cut off after a few batches and ends with every message once', async () => {
    const user = await createMailUser(server, 'batches');
    await populateMailbox(server, user, { count: 2_300, seed: 11 });
    const { store, inbox } = openStore();
    const imap = await client(user);
    const commands = commandsSent(imap);

    // The first run stops after its third batch is stored (the connection "drops" there).
    const progress: { added: number; done: number; total: number }[] = [];
    const cut = syncMailbox(imap, store, inbox, {
      hasAttachments,
      onBatch: (added, done, total) => {
        progress.push({ added: added.length, done, total });
        if (progress.length === 3) throw new CutOff('the connection dropped');
      },
    });
    await expect(cut).rejects.toBeInstanceOf(CutOff);
    // the first screen (50, by sequence number) came before any SEARCH
    // (the UID FETCH after the third batch went out before that batch was written: pipelined)
    expect(commands.filter((c) => c !== 'LIST')).toEqual([
      'SELECT',
      'FETCH',
      'UID SEARCH',
      'UID FETCH',
      'UID FETCH',
      'UID FETCH',
    ]);
    expect(progress[0]).toEqual({ added: 50, done: 50, total: 2_300 });
    // the batches go on from the first screen: no second FETCH of 50
    expect(progress.map((p) => p.done)).toEqual([50, 1_050, 2_050]);

    // What was saved describes exactly what is stored: the contiguous newest UIDs.
    const stored = store.messages.uids(inbox.id);
    expect(stored.size).toBe(2_050);
    const sync = store.mailboxes.get(inbox.id)!.sync;
    const uids = [...stored.keys()].sort((a, b) => a - b);
    expect(sync.syncedLowUid).toBe(uids[0]);
    expect(sync.syncedHighUid).toBe(2_300);
    expect(uids[uids.length - 1]).toBe(2_300);
    expect(uids[uids.length - 1]! - uids[0]! + 1).toBe(uids.length);

    // Another device changes flags meanwhile; the next sync resumes and finishes.
    const other = await client(user);
    await other.mailboxOpen('INBOX');
    await other.messageFlagsAdd('2290:2300', ['\\Flagged'], { uid: true });
    await other.messageFlagsAdd('1:20', ['\\Seen'], { uid: true });
    const fresh = await client(user);
    const again = await syncMailbox(fresh, store, store.mailboxes.get(inbox.id)!, {
      hasAttachments,
      onBatch: () => undefined,
    });
    expect(again.added).toHaveLength(250);
    expect(new Set(again.added).size).toBe(250);
    expect(store.messages.count(inbox.id)).toBe(2_300);
    expect(store.mailboxes.get(inbox.id)!.sync).toMatchObject({ syncedLowUid: 1, syncedHighUid: 2_300 });

    // every header once, with the server's flags
    const serverFlags = new Map<number, Set<string>>();
    for await (const m of other.fetch('1:*', { uid: true, flags: true }, { uid: true }))
      serverFlags.set(m.uid, m.flags ?? new Set());
    const headers = store.messages.window(inbox.id, 0, 5_000);
    expect(headers).toHaveLength(2_300);
    expect(new Set(headers.map((h) => h.uid)).size).toBe(2_300);
    for (const h of headers) {
      const flags = serverFlags.get(h.uid)!;
      expect(h.flags.seen, `uid ${h.uid} seen`).toBe(flags.has('\\Seen'));
      expect(h.flags.flagged, `uid ${h.uid} flagged`).toBe(flags.has('\\Flagged'));
    }
  });

  it('writes a batch on its own connection again when the writer thread goes while the batch streams to it', async () => {
    const user = await createMailUser(server, 'writer-gone');
    await populateMailbox(server, user, { count: 1_300, seed: 5 });
    const { store, inbox } = openStore();
    const imap = await client(user);
    const commands = commandsSent(imap);
    const done: number[] = [];
    const result = await syncMailbox(imap, store, inbox, {
      hasAttachments,
      onBatch: (_added, count) => {
        done.push(count);
        // Batches after the first screen: 1,000, 250. The 1,000 are written and the last 250
        // already stream to the thread: it goes.
        if (count === 1_050) store.headerWriter.close();
      },
    });
    expect(done).toEqual([50, 1_050, 1_300]);
    // the last batch was fetched a second time, to be written here
    expect(commands.filter((c) => c === 'UID FETCH')).toHaveLength(3);
    expect(result.added).toHaveLength(1_300);
    expect(new Set(result.added).size).toBe(1_300);
    const headers = store.messages.window(inbox.id, 0, 2_000);
    expect(new Set(headers.map((h) => h.uid)).size).toBe(1_300);
    const box = store.mailboxes.get(inbox.id)!;
    expect(box.sync).toMatchObject({ syncedLowUid: 1, syncedHighUid: 1_300 });
    expect(box.total).toBe(1_300);
  });
});
