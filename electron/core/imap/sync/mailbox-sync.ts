// One mailbox, brought level with the server: UIDVALIDITY check, flag changes and expunges
// since the last HIGHESTMODSEQ (in the SELECT's answer with QRESYNC, else a FETCH after it), new
// messages newest first, then the UID-diff safety net.
import type { ImapFlow } from 'imapflow';
import type { MessageId } from '../../../../shared/domain';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import { emptyChanges, type ExtraFetch, type MailboxChanges, type SelectedMailbox, type SyncContext } from './context';
import { removeExpunged } from './expunges';
import { fetchFlagChanges } from './flag-changes';
import { fetchNewMessages } from './new-messages';
import { listenForSelectChanges, qresyncSince, type QresyncSince } from './select-changes';
import { StreamedFlags } from './streamed-flags';

/** One turn of the event loop: imapflow writes a queued command after a few promise steps. */
const commandSent = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * From this many flag changes written here (the flag writer thread could not be used) their
 * commit leaves the checkpoint to a thread (Store.bulkTransaction).
 */
const BULK_FLAG_CHANGES = 200;

export interface MailboxSyncOptions {
  onBatch(added: number[], done: number, total: number): void;
  hasAttachments(structure: unknown): boolean;
  allFlags?: boolean;
  since?: Date | null;
  extraFetch?: ExtraFetch;
}

/** `since`: QRESYNC's parameters (select-changes.ts); `qresync` says whether the server took them. */
export async function selectMailbox(
  client: ImapFlow,
  path: string,
  since: QresyncSince | null = null,
): Promise<SelectedMailbox & { qresync: boolean }> {
  const mailbox = await client.mailboxOpen(path, since ?? {});
  return {
    uidValidity: String(mailbox.uidValidity),
    uidNext: mailbox.uidNext ?? (await uidNextWithoutSelect(client, path, mailbox.exists)),
    exists: mailbox.exists,
    highestModseq: mailbox.highestModseq !== undefined && !mailbox.noModseq ? String(mailbox.highestModseq) : null,
    // imapflow clears it when the answer cannot stand for the changes (another UIDVALIDITY...)
    qresync: since !== null && (mailbox as { qresync?: boolean }).qresync === true,
  };
}

/**
 * RFC 3501 lets SELECT leave out [UIDNEXT] (Courier-IMAP does): ask STATUS for it, and should
 * that answer without it too, take one past the last message's UID. Never a guess past either:
 * a UIDNEXT too high would mark UIDs as synced that were never fetched.
 */
async function uidNextWithoutSelect(client: ImapFlow, path: string, exists: number): Promise<number> {
  const status = await client.status(path, { uidNext: true }).catch(() => false as const);
  if (status && status.uidNext) return status.uidNext;
  if (exists === 0) return 1;
  const last = await client.fetchOne('*', { uid: true });
  return last ? last.uid + 1 : 1;
}

export async function syncMailbox(
  client: ImapFlow,
  store: Store,
  box: MailboxRecord,
  options: MailboxSyncOptions,
): Promise<MailboxChanges> {
  // With QRESYNC the SELECT's answer brings the flag changes and expunges since the last sync;
  // many of them stream to the flag writer thread while the rest of that answer is parsed
  const streamed = new StreamedFlags(store, box.id);
  const since = qresyncSince(client, box);
  const reported = since ? listenForSelectChanges(client, box, streamed.add) : null;
  let server: SelectedMailbox & { qresync: boolean };
  try {
    server = await selectMailbox(client, box.path, since);
  } finally {
    reported?.stop();
  }
  const changes = emptyChanges();

  const renumbered = box.sync.uidValidity !== null && box.sync.uidValidity !== server.uidValidity;
  if (renumbered) {
    // The server renumbered the mailbox (recreated, restored): every cached UID is void.
    changes.removed.push(...store.messages.uids(box.id).values());
    store.mailboxes.resetCache(box.id);
    box = store.mailboxes.get(box.id)!;
  }

  const ctx: SyncContext = { client, store, box, server, changes, ...options };
  const inSelect = reported?.result(server.qresync) ?? null;
  const { updates, vanished } = inSelect ?? (await fetchFlagChanges(ctx, streamed.add));
  // the sync state this pass reached, in the record the store's next save writes
  const takeServerState = () => {
    box.sync.uidValidity = server.uidValidity;
    box.sync.highestModseq = server.highestModseq;
  };
  // The changes and the HIGHESTMODSEQ that covers them are saved together, or not at all.
  const save = (written: MessageId[] | null) => {
    changes.updated.push(...(written ?? store.messages.applyServerFlags(box.id, updates)));
    if (vanished?.length) changes.removed.push(...store.messages.removeUids(box.id, vanished));
    takeServerState();
    store.mailboxes.saveSyncState(box.id, box.sync);
  };
  if (!streamed.streaming && inSelect && updates.length > 0) {
    // Fewer than went to the thread (or no thread): written once the new mail's FETCH is on its
    // way, while the server answers it, not before it is sent; the new mail's writes wait for
    // them, as they would for the thread.
    takeServerState();
    const saved = commandSent().then(() => {
      if (updates.length >= BULK_FLAG_CHANGES) store.bulkTransaction(() => save(null));
      else store.transaction(() => save(null));
    });
    saved.catch(() => undefined);
    await fetchNewMessages({ ...ctx, writesAfter: saved });
    await saved;
  } else if (streamed.streaming) {
    // The thread writes the changes while the new mail is fetched here. Their HIGHESTMODSEQ is
    // saved once they are all in, and every write of the new mail waits for that (the sync
    // state it saves carries the HIGHESTMODSEQ too): so a stored HIGHESTMODSEQ always covers
    // changes that are stored, and a crash in between only fetches them again.
    const saved = streamed.finish().then(({ ids: written, complete }) => {
      store.messages.flagsWrittenElsewhere();
      // (a server that sent changes for a UIDVALIDITY it then renumbered: those rows are gone)
      const ids = renumbered ? [] : written;
      store.transaction(() => save(complete ? ids : [...ids, ...store.messages.applyServerFlags(box.id, updates)]));
    });
    // awaited below; should the new mail fail first, it must not go unobserved meanwhile
    saved.catch(() => undefined);
    // what the new mail's writes save as the sync state, once the changes are in
    takeServerState();
    await fetchNewMessages({ ...ctx, writesAfter: saved });
    await saved;
  } else {
    // many of them (no thread) are committed with the log's copy into the database left to a thread
    if (updates.length >= BULK_FLAG_CHANGES) store.bulkTransaction(() => save(null));
    else store.transaction(() => save(null));
    await fetchNewMessages(ctx);
  }
  await removeExpunged(ctx);
  return changes;
}
