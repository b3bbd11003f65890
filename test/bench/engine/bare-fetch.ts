// The protocol's own limit: a bare imapflow client fetching exactly the fields header sync asks
// for (HEADER_QUERY), with nothing stored. The engine's sync rate is judged against this.
import { performance } from 'node:perf_hooks';
import { HEADER_QUERY } from '../../../electron/core/imap/sync/header-fields';
import { connectImap } from '../../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../../mailserver/types';
import { startTimeSplit, type TimeSplit } from './thread-time';

export interface BareFetchResult {
  messages: number;
  /** Connect, login, SELECT and the FETCH: what the engine's figure includes too. */
  ms: number;
  fetchMs: number;
  rate: number;
  time: TimeSplit;
}

export async function bareFetch(input: { server: MailServerInfo; user: MailUser }): Promise<BareFetchResult> {
  const split = startTimeSplit();
  const t0 = performance.now();
  const client = await connectImap(input.server, input.user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    const t1 = performance.now();
    let messages = 0;
    for await (const msg of client.fetch('1:*', HEADER_QUERY, { uid: true })) if (msg.uid) messages++;
    const end = performance.now();
    return { messages, ms: end - t0, fetchMs: end - t1, rate: (messages / (end - t0)) * 1000, time: split() };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export interface DeltaFetchResult {
  flagChanges: number;
  newMessages: number;
  ms: number;
  /** Where the delta's wall time went in this process (its main thread's CPU, the run queue). */
  time: TimeSplit;
}

/** What a resync needs at the protocol level: flags changed since a MODSEQ, and the new headers. */
export async function deltaFetch(input: {
  server: MailServerInfo;
  user: MailUser;
  modseqBefore: string;
  uidNextBefore: number;
}): Promise<DeltaFetchResult> {
  const split = startTimeSplit();
  const t0 = performance.now();
  const client = await connectImap(input.server, input.user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    let flagChanges = 0;
    for await (const msg of client.fetch(
      '1:*',
      { uid: true, flags: true },
      { uid: true, changedSince: BigInt(input.modseqBefore) },
    ))
      if (msg.uid < input.uidNextBefore) flagChanges++;
    let newMessages = 0;
    for await (const msg of client.fetch(`${input.uidNextBefore}:*`, HEADER_QUERY, { uid: true }))
      if (msg.uid >= input.uidNextBefore) newMessages++;
    const ms = performance.now() - t0;
    return { flagChanges, newMessages, ms, time: split() };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
