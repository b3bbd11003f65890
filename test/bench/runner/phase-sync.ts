// a, b, f: the engine's first sync of the INBOX against a bare imapflow fetch of the same fields
// (run just before and just after it, in the "other" worker), the first 50 headers, and the
// engine process's memory and database size.
// On a shared 2-core machine one engine run against one pair of bare runs moves by ±0.08 from
// run to run (0.72 to 0.86 within one run of five rounds; the CPU time a message costs either
// side moves by a fifth between rounds), so a is the median of SYNC_ROUNDS alternating rounds (bare, engine, bare, engine,
// ..., bare; each engine round a first sync in a fresh process and profile), and so is b. f comes
// from the first round, whose profile every later phase uses.
import path from 'node:path';
import type { BareFetchResult } from '../engine/bare-fetch';
import type { EngineSyncResult } from '../engine/engine-sync';
import type { TimeSplit } from '../engine/thread-time';
import { atLeast, atMost, info } from '../report/figures';
import { mean, median } from '../report/stats';
import type { BenchContext } from './context';
import { dbSize } from './db-size';
import { log } from './log';
import { procMemory, sampleRss } from './proc-memory';
import { tempDir } from './temp-dir';
import { startEngineWorker, startWorker } from './worker-client';

/** Engine runs of figure a, each between two bare runs (unless --rounds says otherwise). */
export const SYNC_ROUNDS = 5;
/** After the unmeasured warm-up fetch: time for the server to finish writing its cache. */
const SERVER_SETTLE_MS = 2_000;

export const SYNC_FIGURES = [
  { id: 'a', label: `Header sync rate: engine ÷ bare imapflow (median of ${SYNC_ROUNDS} rounds)`, target: '≥ 0.80' },
  {
    id: 'b',
    label: `accounts.add → first 50 headers in the store (median of ${SYNC_ROUNDS} rounds)`,
    target: '≤ 500 ms',
  },
  { id: 'f1', label: 'Engine RSS after sync', target: '≤ 150 MB up to 100k, ≤ 300 MB above' },
  { id: 'f2', label: 'Engine peak RSS during sync (kernel VmHWM)', target: '≤ 300 MB' },
  { id: 'f3', label: 'mail.db bytes per message (headers, after sync)', target: '≤ 2,048 B/msg' },
] as const;

const MB = 1024 * 1024;
/** f1's limit: 150 MB for a mailbox of up to 100,000 messages, 300 MB for larger ones (up to 1M). */
const rssLimitMb = (size: number) => (size <= 100_000 ? 150 : 300);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const split = (t: TimeSplit) =>
  `${seconds(t.wallMs)} = CPU ${seconds(t.cpuMs)} + waiting for a CPU ${seconds(t.runQueueMs)} + idle ${seconds(t.idleMs)}`;

/** A process's CPU a header split by thread: "0.122 + 0.024 + 0.014" (ms), the engine's own share told apart. */
function threadsPerHeader(t: TimeSplit, size: number): string {
  const busiest = t.threadsCpuMs[0] ?? 0;
  const rest = t.processCpuMs - t.cpuMs - busiest;
  return [t.cpuMs, busiest, rest].map((ms) => (ms / size).toFixed(3)).join(' + ');
}

interface SyncRound {
  before: BareFetchResult;
  sync: EngineSyncResult;
  after: BareFetchResult;
  /** Engine rate ÷ the mean of the bare rates around it. */
  ratio: number;
  /** The same with each side's run-queue wait (the shared machine's load) taken out. */
  unqueuedRatio: number;
  /** Bare CPU per header ÷ the engine's (whole processes). */
  cpuRatio: number;
}

function roundOf(size: number, before: BareFetchResult, sync: EngineSyncResult, after: BareFetchResult): SyncRound {
  const unqueued = (t: TimeSplit) => size / (t.wallMs - t.runQueueMs);
  return {
    before,
    sync,
    after,
    ratio: sync.rate / mean([before.rate, after.rate]),
    unqueuedRatio: unqueued(sync.time) / mean([unqueued(before.time), unqueued(after.time)]),
    cpuRatio: mean([before.time.processCpuMs, after.time.processCpuMs]) / sync.time.processCpuMs,
  };
}

/** What an engine worker needs for a first sync of the bench INBOX into `dataDir`. */
export function firstSyncInput(ctx: BenchContext, dataDir: string) {
  const { server, user } = ctx.bed;
  // One connection, as the bare fetch it is compared with (a2 measures the engine's default: phase-split-sync.ts).
  return { server, user, dataDir, expected: ctx.args.size, timeoutMs: 15 * 60_000, syncConnections: 1 };
}

/**
 * One bare fetch in a process of its own, started for it: each engine round runs in a fresh
 * process too, so neither side has code the JIT optimised, or a young generation grown, in an
 * earlier run.
 */
export async function bareRun(ctx: BenchContext, profiled = false): Promise<BareFetchResult> {
  // --cpu-prof: the one bare run asked for, beside the engine's (run.ts), to compare function by function
  const profile = ctx.args.cpuProf && profiled;
  const profDir = path.join(ctx.root, '.tmp', 'bench-profiles', `bare-${Date.now()}`);
  const worker = await startWorker(
    'bare',
    ctx.cleanup,
    profile ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {},
  );
  try {
    return await worker.call('bareFetch', { server: ctx.bed.server, user: ctx.bed.user });
  } finally {
    await worker.stop();
  }
}

/** Another first sync in a fresh engine process and profile, then the bare fetch after it. */
async function extraRound(ctx: BenchContext, before: BareFetchResult, n: number): Promise<SyncRound> {
  log(`a: round ${n} of ${ctx.args.rounds}: engine sync in a fresh process, then bare imapflow`);
  const worker = await startEngineWorker(`engine-round-${n}`, ctx.cleanup, {
    env: { NODE_EXTRA_CA_CERTS: ctx.bed.server.caFile },
  });
  try {
    const sync = await worker.call('engineSync', firstSyncInput(ctx, tempDir(ctx.cleanup, 'mail-bench-round-')));
    await worker.call('closeEngine', undefined);
    const after = await bareRun(ctx);
    return roundOf(ctx.args.size, before, sync, after);
  } finally {
    await worker.stop();
  }
}

export async function measureSync(ctx: BenchContext): Promise<void> {
  const size = ctx.args.size;
  // A fresh Dovecot builds its cache of these fields during the first FETCH of them and finishes
  // after that session ends: without this unmeasured run, the first measured runs would see a
  // server at work (the first 50 headers of the round after it measured 100-250 ms slower).
  log('a: warming the server (one bare fetch, not measured)');
  await bareRun(ctx);
  await new Promise((resolve) => setTimeout(resolve, SERVER_SETTLE_MS));
  log('a: bare imapflow fetch (before)');
  const before = await bareRun(ctx, true);
  log(`a: engine sync of ${size.toLocaleString('en-US')} headers (round 1 of ${ctx.args.rounds})`);
  const stopSampling = sampleRss(ctx.engine.pid, 100);
  const sync = await ctx.engine.call('engineSync', firstSyncInput(ctx, ctx.profileDir));
  const rssSamples = stopSampling();
  const peak = procMemory(ctx.engine.pid);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = procMemory(ctx.engine.pid);
  const heap = await ctx.engine.call('memory', undefined);
  log('a: bare imapflow fetch (after)');
  const afterFetch = await bareRun(ctx);
  const db = dbSize(ctx.profileDir);

  const rounds = [roundOf(size, before, sync, afterFetch)];
  while (rounds.length < ctx.args.rounds) rounds.push(await extraRound(ctx, rounds.at(-1)!.after, rounds.length + 1));
  const medianOf = (pick: (round: SyncRound) => number) => median(rounds.map(pick));
  const note = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const each = (pick: (round: SyncRound) => number, digits = 2) =>
    rounds.map((round) => pick(round).toFixed(digits)).join(', ');
  ctx.figures.push(
    atLeast({
      id: 'a',
      label: `Header sync rate: engine ÷ bare imapflow (median of ${ctx.args.rounds} rounds)`,
      value: medianOf((round) => round.ratio),
      unit: 'ratio',
      limit: 0.8,
      note:
        `rounds: ${each((round) => round.ratio)}; each engine first sync (fresh process and profile) between two ` +
        `bare imapflow FETCH 1:* of HEADER_QUERY, each in a fresh process too (bare rates: ` +
        `${[rounds[0]!.before, ...rounds.map((round) => round.after)].map((r) => note(r.rate)).join(', ')} msg/s); ` +
        'both sides include connect + login + SELECT',
    }),
    info({
      id: 'a1',
      label: 'Engine: accounts.add → all headers in the store (round 1)',
      value: sync.allHeadersMs,
      unit: 'ms',
    }),
    info({
      id: 'a6',
      label: 'Engine header sync rate, one connection (median)',
      value: medianOf((round) => round.sync.rate),
      unit: 'msg/s',
    }),
    info({
      id: 'a3',
      label: "Bare imapflow fetch rate (median of the rounds' means)",
      value: medianOf((round) => mean([round.before.rate, round.after.rate])),
      unit: 'msg/s',
    }),
    info({
      id: 'a4',
      label: 'Header sync rate ratio without the time spent waiting for a CPU (median)',
      value: medianOf((round) => round.unqueuedRatio),
      unit: 'ratio',
      note: `rounds: ${each((round) => round.unqueuedRatio)}; round 1 main thread, engine: ${split(sync.time)}; bare before: ${split(before.time)}; after: ${split(afterFetch.time)}`,
    }),
    info({
      id: 'a5',
      label: 'CPU per header: bare imapflow ÷ engine (whole process, median)',
      value: medianOf((round) => round.cpuRatio),
      unit: 'ratio',
      note:
        `engine ${each((round) => round.sync.time.processCpuMs / size, 3)} ms/header ` +
        `(main thread + busiest other thread, the header writer, + the rest: ${rounds.map((round) => threadsPerHeader(round.sync.time, size)).join('; ')}); ` +
        `bare ${rounds.map((round) => (mean([round.before.time.processCpuMs, round.after.time.processCpuMs]) / size).toFixed(3)).join(', ')} ms/header ` +
        `(the runs before each round, split alike: ${rounds.map((round) => threadsPerHeader(round.before.time, size)).join('; ')})`,
    }),
    atMost({
      id: 'b',
      label: `accounts.add → first 50 headers in the store (median of ${ctx.args.rounds} rounds)`,
      value: medianOf((round) => round.sync.first50Ms),
      unit: 'ms',
      limit: 500,
      note:
        `rounds: ${each((round) => round.sync.first50Ms, 0)} ms, of which connect + login (account online): ` +
        `${each((round) => round.sync.onlineMs ?? Number.NaN, 0)} ms`,
    }),
    atMost({
      id: 'f1',
      label: `Engine RSS after sync (this run ${size.toLocaleString('en-US')}; ≤ 150 MB up to 100k, ≤ 300 MB above)`,
      value: after?.rssMb ?? Number.NaN,
      unit: 'MB',
      limit: rssLimitMb(size),
      note: `V8 heap used ${(heap.heapUsed / MB).toFixed(0)} MB of ${(heap.heapTotal / MB).toFixed(0)} MB, external ${(heap.external / MB).toFixed(0)} MB`,
    }),
    atMost({
      id: 'f2',
      label: 'Engine peak RSS during sync (kernel VmHWM)',
      value: peak?.peakMb ?? Number.NaN,
      unit: 'MB',
      limit: 300,
    }),
    atMost({
      id: 'f3',
      label: 'mail.db bytes per message (headers, after sync)',
      value: db.fileBytes / size,
      unit: 'B/msg',
      limit: 2048,
      note: `messages table + indexes alone: ${Math.round(Object.values(db.messageObjects).reduce((s, b) => s + b, 0) / size)} B/msg`,
    }),
  );
  ctx.details.sync = { rounds, memory: { peak, after, heap, rssSamples }, db };
}
