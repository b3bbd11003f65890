// The engine's first sync of the populated INBOX: from accounts.add to the first 50 headers in
// the store (b), to every header in the store (a), and until the engine has nothing left to do
// (snippets of the newest messages, the other folders).
import { performance } from 'node:perf_hooks';
import type { MailServerInfo, MailUser } from '../../mailserver/types';
import { benchAccountSettings, withTimeout, type EngineSession } from './engine-session';
import { startTimeSplit, type TimeSplit } from './thread-time';

export interface EngineSyncResult {
  messages: number;
  /** accounts.add → 'account.status' online (TLS, login). */
  onlineMs: number | null;
  /** accounts.add → 50 INBOX headers readable in mail.db. */
  first50Ms: number;
  /** accounts.add → every INBOX header readable in mail.db. */
  allHeadersMs: number;
  rate: number;
  /** accounts.add → service.settled() (snippets and the other folders done too). */
  settledMs: number;
  batches: number;
  /** Where accounts.add → all headers went (this process). */
  time: TimeSplit;
}

export async function engineSync(
  session: EngineSession,
  input: { server: MailServerInfo; user: MailUser; expected: number; timeoutMs: number },
): Promise<EngineSyncResult> {
  const { service } = session;
  let t0 = 0;
  let onlineMs: number | null = null;
  let first50Ms: number | null = null;
  let batches = 0;
  let inbox: number | null = null;
  let stop = () => {};
  let time: TimeSplit | null = null;
  let split = startTimeSplit();
  const allIn = new Promise<number>((resolve, reject) => {
    stop = service.onEvent((event, payload) => {
      if (event === 'account.status') {
        const status = payload as { state: string; message?: string };
        if (status.state === 'online' && onlineMs === null) onlineMs = performance.now() - t0;
        if (status.state === 'auth-failed' || status.state === 'error')
          reject(new Error(`account ${status.state}: ${status.message ?? ''}`));
        return;
      }
      if (event !== 'messages.changed') return;
      const change = payload as { mailboxId: number; added: number[] };
      inbox ??= session.inboxId();
      if (change.mailboxId !== inbox || change.added.length === 0) return;
      batches++;
      const stored = session.count(inbox);
      if (first50Ms === null && stored >= 50) first50Ms = performance.now() - t0;
      if (stored >= input.expected && !time) {
        time = split();
        resolve(performance.now() - t0);
      }
    });
  });
  t0 = performance.now();
  split = startTimeSplit();
  await service.call('accounts.add', {
    settings: benchAccountSettings(input.server, input.user),
    password: input.user.password,
  });
  try {
    const allHeadersMs = await withTimeout(allIn, input.timeoutMs, `${input.expected} headers in the store`);
    await withTimeout(service.settled(), input.timeoutMs, 'the engine to settle');
    const settledMs = performance.now() - t0;
    return {
      messages: session.count(inbox!),
      onlineMs,
      first50Ms: first50Ms ?? allHeadersMs,
      allHeadersMs,
      rate: (input.expected / allHeadersMs) * 1000,
      settledMs,
      batches,
      time: time!,
    };
  } finally {
    stop();
  }
}
