// A resync's flag changes and expunges in the SELECT's own answer (QRESYNC, RFC 7162 §3.2.5):
// given the UIDVALIDITY and HIGHESTMODSEQ of the last sync, the server sends a FETCH of every
// message changed since and a VANISHED (EARLIER) of the UIDs removed since, before the SELECT
// completes. That is what the UID FETCH ... (CHANGEDSINCE n VANISHED) after the SELECT asked
// for, without its round trip and its command: on a reopen after another device changed 500
// flags, the one step between the SELECT and the FETCH of the new mail (bench figure c2).
// imapflow reports them as 'flags' and 'expunge' events while the SELECT runs.
import type { ImapFlow } from 'imapflow';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { ServerFlagUpdate } from '../../store/server-flags';
import type { FlagChangesResult } from './flag-changes';
import { readSelectFlagLines } from './fast-fetch';
import { toFlags } from './header-fields';

export interface QresyncSince {
  uidValidity: string;
  changedSince: string;
}

/**
 * What the SELECT sends for QRESYNC, or null when it cannot: QRESYNC not enabled, nothing cached
 * yet, no HIGHESTMODSEQ known, Gmail (no QRESYNC there, and its labels come with FETCH only), or
 * another mailbox selected on the connection: a FETCH the server still had for that one could come
 * before the SELECT's [CLOSED], which imapflow does not report, and be taken for this mailbox's.
 */
export function qresyncSince(client: ImapFlow, box: MailboxRecord): QresyncSince | null {
  const { uidValidity, highestModseq, syncedLowUid, syncedHighUid } = box.sync;
  if (!client.enabled.has('QRESYNC') || client.capabilities.has('X-GM-EXT-1')) return null;
  if (client.mailbox && client.mailbox.path !== box.path) return null;
  if (uidValidity === null || highestModseq === null || syncedLowUid === null || syncedHighUid === 0) return null;
  return { uidValidity, changedSince: highestModseq };
}

/** Listens while the SELECT runs; `result` once it is through. */
export interface SelectChanges {
  /**
   * The changes to stored messages (UIDs up to the highest stored: the new mail above it is
   * fetched whole), or null when the server did not take the QRESYNC parameters (a new
   * UIDVALIDITY, no HIGHESTMODSEQ): then nothing it sent stands for the changes since.
   */
  result(honoured: boolean): FlagChangesResult | null;
  stop(): void;
}

/** `onUpdate`: each change as its response is parsed, while the SELECT's answer goes on (streamed-flags.ts). */
export function listenForSelectChanges(
  client: ImapFlow,
  box: MailboxRecord,
  onUpdate?: (update: ServerFlagUpdate) => void,
): SelectChanges {
  const highUid = box.sync.syncedHighUid;
  const updates: ServerFlagUpdate[] = [];
  const vanished: number[] = [];
  const onFlags = (event: { uid?: number; flags?: Set<string> }): void => {
    if (!event.uid || event.uid > highUid) return;
    const update = { uid: event.uid, ...toFlags(event.flags) };
    updates.push(update);
    onUpdate?.(update);
  };
  const onExpunge = (event: { uid?: number; vanished?: boolean }): void => {
    if (event.vanished && event.uid && event.uid <= highUid) vanished.push(event.uid);
  };
  client.on('flags', onFlags);
  client.on('expunge', onExpunge);
  // the FETCH lines are read by the engine's own reader, not imapflow's parser (fast-fetch.ts)
  const stopReading = readSelectFlagLines(client, box.path);
  return {
    result: (honoured) => (honoured ? { updates, vanished } : null),
    stop() {
      stopReading();
      client.off('flags', onFlags);
      client.off('expunge', onExpunge);
    },
  };
}
