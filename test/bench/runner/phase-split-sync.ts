// a2: the first sync as the engine ships it (a second connection for the rest of a large first
// sync, imap/sync/split-fetch.ts) against one bare imapflow connection: wall clock, connect to
// every header in the store, bare time ÷ engine time. Figure a stays the like-for-like ratio
// (the engine held to one connection too); this one says what a user waits. Alternating rounds
// as a's (bare, engine, bare, ..., bare), each in a fresh process, the engine into a fresh
// profile, judged by the median.
import path from 'node:path';
import type { BareFetchResult } from '../engine/bare-fetch';
import type { EngineSyncResult } from '../engine/engine-sync';
import { atLeast, info } from '../report/figures';
import { mean, median } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { bareRun, firstSyncInput, SYNC_ROUNDS } from './phase-sync';
import { tempDir } from './temp-dir';
import { startEngineWorker } from './worker-client';

/** The goal of the issue: on this 2-core machine, a fifth faster than one bare connection. */
const GOAL = 1.2;

export const SPLIT_SYNC_FIGURES = [
  {
    id: 'a2',
    label: `First sync, wall clock: bare single connection ÷ engine (median of ${SYNC_ROUNDS} rounds)`,
    target: `≥ ${GOAL}`,
  },
  { id: 'a7', label: 'First sync, engine with its extra connection: headers per second (median)', target: '—' },
] as const;

interface SplitRound {
  sync: EngineSyncResult;
  /** Mean of the bare runs before and after. */
  bareMs: number;
  ratio: number;
}

async function splitSync(ctx: BenchContext, n: number): Promise<EngineSyncResult> {
  // --cpu-prof: the first round's engine, a profile for each of its threads (the main thread, the
  // writer, the extra connection's) in a folder of its own, named as V8 names them (pid and thread id)
  const name = `engine-split-${n}`;
  const profDir = path.join(ctx.root, '.tmp', 'bench-profiles', `${name}-${Date.now()}`);
  const worker = await startEngineWorker(name, ctx.cleanup, {
    env: { NODE_EXTRA_CA_CERTS: ctx.bed.server.caFile },
    ...(ctx.args.cpuProf && n === 1 ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {}),
  });

  try {
    const { syncConnections: _one, ...input } = firstSyncInput(ctx, tempDir(ctx.cleanup, 'mail-bench-split-'));
    const sync = await worker.call('engineSync', input);
    await worker.call('closeEngine', undefined);
    return sync;
  } finally {
    await worker.stop();
  }
}

export async function measureSplitSync(ctx: BenchContext): Promise<void> {
  const rounds: SplitRound[] = [];
  let before: BareFetchResult = await bareRun(ctx);
  // --rounds sets a2's rounds as it sets a's: five rounds of a 250k first sync are ten minutes
  while (rounds.length < ctx.args.rounds) {
    const n = rounds.length + 1;
    log(`a2: round ${n} of ${ctx.args.rounds}: engine first sync with its default connections, then bare imapflow`);
    const sync = await splitSync(ctx, n);
    const after = await bareRun(ctx);
    const bareMs = mean([before.ms, after.ms]);
    rounds.push({ sync, bareMs, ratio: bareMs / sync.allHeadersMs });
    before = after;
  }
  const each = (pick: (round: SplitRound) => number, digits = 2) =>
    rounds.map((round) => pick(round).toFixed(digits)).join(', ');
  ctx.figures.push(
    atLeast({
      id: 'a2',
      label: `First sync, wall clock: bare single connection ÷ engine (median of ${ctx.args.rounds} rounds)`,
      value: median(rounds.map((round) => round.ratio)),
      unit: 'ratio',
      limit: GOAL,
      note:
        `rounds: ${each((round) => round.ratio)}; engine accounts.add → every header stored ` +
        `${each((round) => round.sync.allHeadersMs / 1000, 1)} s, bare connect + login + SELECT + FETCH 1:* ` +
        `${each((round) => round.bareMs / 1000, 1)} s; first 50 headers ${each((round) => round.sync.first50Ms, 0)} ms`,
    }),
    info({
      id: 'a7',
      label: 'First sync, engine with its extra connection: headers per second (median)',
      value: median(rounds.map((round) => round.sync.rate)),
      unit: 'msg/s',
    }),
  );
  ctx.details.splitSync = { rounds };
}
