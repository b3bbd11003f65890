// Flags changed elsewhere since the last sync. With CONDSTORE only what changed since our
// HIGHESTMODSEQ comes back, and with QRESYNC the same FETCH reports expunged UIDs (VANISHED).
// Without CONDSTORE the server cannot say what changed: the flags of the newest messages (where
// nearly every change happens) are fetched and compared at each sync, and those of the whole
// mailbox only when the engine asks for it (rarely: see account-runtime.ts), the way Thunderbird
// does. For 2,000 messages the whole list is ~75 KB; the newest 300 about a seventh of it.
import type { ServerFlagUpdate } from '../../store/server-flags';
import type { SyncContext } from './context';
import { fetchFlagMessages } from './fast-fetch';
import { toFlags, toGmailLabels } from './header-fields';

export interface FlagChangesResult {
  /** gmailLabels only where the server is Gmail (X-GM-EXT-1): a label changed there bumps MODSEQ too. */
  updates: ServerFlagUpdate[];
  /** UIDs the server reported as expunged through QRESYNC; null when QRESYNC was not used. */
  vanished: number[] | null;
}

/** Without CONDSTORE, the newest this many messages have their flags compared at every sync. */
export const RECENT_FLAGS = 300;

/** `onUpdate`: each change as its response is parsed, while the FETCH goes on (streamed-flags.ts). */
export async function fetchFlagChanges(
  ctx: SyncContext,
  onUpdate?: (update: ServerFlagUpdate) => void,
): Promise<FlagChangesResult> {
  const { client, box, server } = ctx;
  const known = box.sync.highestModseq;
  if (box.sync.syncedLowUid === null || box.sync.syncedHighUid === 0) return { updates: [], vanished: null };
  if (known !== null && server.highestModseq !== null && known === server.highestModseq)
    return { updates: [], vanished: [] };

  const useModseq = known !== null && server.highestModseq !== null;
  const qresync = useModseq && client.enabled.has('QRESYNC');
  const vanished: number[] = [];
  const onExpunge = (event: { uid?: number; vanished?: boolean }): void => {
    if (event.vanished && event.uid) vanished.push(event.uid);
  };
  const low = useModseq || ctx.allFlags !== false ? 1 : (ctx.store.messages.nthHighestUid(box.id, RECENT_FLAGS) ?? 1);
  const updates: ServerFlagUpdate[] = [];
  if (qresync) client.on('expunge', onExpunge);
  try {
    // Never send a command from the sink (it deadlocks the connection): collect first. The
    // answers are read by the engine's FETCH line reader, not imapflow's parser (fast-fetch.ts).
    await fetchFlagMessages(
      client,
      `${low}:${box.sync.syncedHighUid}`,
      { uid: true, flags: true, labels: client.capabilities.has('X-GM-EXT-1') },
      { uid: true, ...(useModseq ? { changedSince: BigInt(known) } : {}) },
      (msg) => {
        const update = {
          uid: msg.uid,
          ...toFlags(msg.flags),
          ...(msg.labels ? { gmailLabels: toGmailLabels(msg.labels) } : {}),
        };
        updates.push(update);
        onUpdate?.(update);
      },
    );
  } finally {
    if (qresync) client.off('expunge', onExpunge);
  }
  return { updates, vanished: qresync ? vanished : null };
}
