// Resync (c): of an unchanged INBOX on a running engine (the sync a folder switch or IDLE wake-up
// triggers), and after another device changed flags and added mail while the engine was closed:
// from opening the profile again until every change is in the store.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSession, withTimeout, type EngineSession } from './engine-session';
import { startTimeSplit, type TimeSplit } from './thread-time';

export async function resyncUnchanged(session: EngineSession, input: { repeats: number }): Promise<number[]> {
  const inbox = session.inboxId();
  if (inbox === null) throw new Error('no INBOX in the store');
  const before = session.count(inbox);
  const samples: number[] = [];
  for (let i = 0; i < input.repeats; i++) {
    const t0 = performance.now();
    await session.service.call('mailboxes.open', { mailboxId: inbox });
    await withTimeout(session.service.settled(), 60_000, 'the resync');
    samples.push(performance.now() - t0);
  }
  if (session.count(inbox) !== before) throw new Error('the unchanged INBOX changed during its resync');
  return samples;
}

export interface ChangedResyncResult {
  /** open → the service returned: the store's open and the engine's start, all on its thread. */
  openedMs: number;
  /** open → 'account.status' online. */
  onlineMs: number | null;
  /** open → the new messages and the flags all in the store. */
  reflectedMs: number;
  /** open → reflected: the engine's thread's CPU (and run queue) over the same interval. */
  reflectedTime: TimeSplit;
  settledMs: number;
}

export async function resyncChanged(
  input: { dataDir: string; expectedTotal: number; flaggedUids: number[] },
  opened: (session: EngineSession) => void,
): Promise<ChangedResyncResult> {
  // BENCH_REOPEN_PROFILE=<folder>: a V8 profile of the engine's thread over each reopen (open →
  // reflected, the bench's check included), to read with scripts/cpuprofile-summary.mjs; the
  // whole-process profiles of --cpu-prof cannot be cut to one reopen
  const profDir = process.env.BENCH_REOPEN_PROFILE;
  const prof = profDir ? new Session() : null;
  if (prof) {
    prof.connect();
    await prof.post('Profiler.enable');
    await prof.post('Profiler.setSamplingInterval', { interval: 200 });
    await prof.post('Profiler.start');
  }
  const split = startTimeSplit();
  const t0 = performance.now();
  let onlineMs: number | null = null;
  const session = await openSession(input.dataDir);
  const openedMs = performance.now() - t0;
  opened(session);
  const inbox = session.inboxId();
  if (inbox === null) throw new Error('no INBOX in the store');
  const flaggedStmt = session.db
    .prepare(
      'SELECT COUNT(*) FROM messages WHERE mailbox_id = ? AND flagged = 1 AND uid IN (SELECT value FROM json_each(?))',
    )
    .pluck();
  const uids = JSON.stringify(input.flaggedUids);
  const reflected = () =>
    session.count(inbox) >= input.expectedTotal &&
    (flaggedStmt.get(inbox, uids) as number) === input.flaggedUids.length;
  let stop = () => {};
  let found = false;
  let reflectedTime: TimeSplit | null = null;
  const done = new Promise<number>((resolve) => {
    stop = session.service.onEvent((event, payload) => {
      if (event === 'account.status' && (payload as { state: string }).state === 'online' && onlineMs === null)
        onlineMs = performance.now() - t0;
      // once resolved, no more queries on the engine's thread: the settling that follows is the engine's
      if (found || event !== 'messages.changed' || (payload as { mailboxId: number }).mailboxId !== inbox) return;
      // The time is taken before the check: what the check reads is the store at that moment (it
      // runs on this thread, so nothing is written in between), and the check's own reading, 500
      // rows through a read connection whose cache the writes have just emptied (3-53 ms on the
      // loaded machine), is the bench's, not the engine's.
      const at = performance.now();
      // the engine's thread's CPU up to the same moment (reading /proc, well under a millisecond)
      const time = split();
      if (reflected()) {
        found = true;
        reflectedTime = time;
        resolve(at - t0);
      }
    });
  });
  try {
    const reflectedMs = await withTimeout(done, 120_000, 'the changes to reach the store');
    if (prof) {
      const { profile } = await prof.post('Profiler.stop');
      const file = path.join(profDir!, `reopen-${Date.now()}-${reflectedMs.toFixed(0)}ms.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      prof.disconnect();
    }
    await withTimeout(session.service.settled(), 120_000, 'the engine to settle');
    return { openedMs, onlineMs, reflectedMs, reflectedTime: reflectedTime!, settledMs: performance.now() - t0 };
  } finally {
    stop();
  }
}
