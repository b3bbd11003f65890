// a, b, f: the engine's first sync of the INBOX against a bare imapflow fetch of the same fields
// (run just before and just after it, in the "other" worker), the first 50 headers, and the
// engine process's memory and database size.
import type { TimeSplit } from '../engine/thread-time';
import { atLeast, atMost, info } from '../report/figures';
import { mean } from '../report/stats';
import type { BenchContext } from './context';
import { dbSize } from './db-size';
import { log } from './log';
import { procMemory, sampleRss } from './proc-memory';

export const SYNC_FIGURES = [
  { id: 'a', label: 'Header sync rate: engine ÷ bare imapflow', target: '≥ 0.80' },
  { id: 'b', label: 'accounts.add → first 50 headers in the store', target: '≤ 500 ms' },
  { id: 'f1', label: 'Engine RSS after sync (target set for 100k)', target: '≤ 300 MB' },
  { id: 'f2', label: 'Engine peak RSS during sync (kernel VmHWM)', target: '≤ 300 MB' },
  { id: 'f3', label: 'mail.db bytes per message (headers, after sync)', target: '≤ 2,048 B/msg' },
] as const;

const MB = 1024 * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const split = (t: TimeSplit) =>
  `${seconds(t.wallMs)} = CPU ${seconds(t.cpuMs)} + waiting for a CPU ${seconds(t.runQueueMs)} + idle ${seconds(t.idleMs)}`;

export async function measureSync(ctx: BenchContext): Promise<void> {
  const { server, user } = ctx.bed;
  const size = ctx.args.size;
  log('a: bare imapflow fetch (before)');
  const before = await ctx.other.call('bareFetch', { server, user });
  log(`a: engine sync of ${size.toLocaleString('en-US')} headers`);
  const stopSampling = sampleRss(ctx.engine.pid, 100);
  const sync = await ctx.engine.call('engineSync', {
    server,
    user,
    dataDir: ctx.profileDir,
    expected: size,
    timeoutMs: 15 * 60_000,
  });
  const rssSamples = stopSampling();
  const peak = procMemory(ctx.engine.pid);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = procMemory(ctx.engine.pid);
  const heap = await ctx.engine.call('memory', undefined);
  log('a: bare imapflow fetch (after)');
  const afterFetch = await ctx.other.call('bareFetch', { server, user });
  const db = dbSize(ctx.profileDir);

  const baseline = mean([before.rate, afterFetch.rate]);
  // The same ratio with each side's run-queue wait (the shared machine's load) taken out.
  const unqueued = (t: TimeSplit) => size / (t.wallMs - t.runQueueMs);
  const unqueuedRatio = unqueued(sync.time) / mean([unqueued(before.time), unqueued(afterFetch.time)]);
  const cpuRatio = mean([before.time.processCpuMs, afterFetch.time.processCpuMs]) / sync.time.processCpuMs;
  const note = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  ctx.figures.push(
    atLeast({
      id: 'a',
      label: 'Header sync rate: engine ÷ bare imapflow',
      value: sync.rate / baseline,
      unit: 'ratio',
      limit: 0.8,
      note:
        `bare imapflow FETCH 1:* of HEADER_QUERY in its own process just before (${note(before.rate)} msg/s) and ` +
        `after (${note(afterFetch.rate)} msg/s) the engine; both sides include connect + login + SELECT`,
    }),
    info({ id: 'a1', label: 'Engine: accounts.add → all headers in the store', value: sync.allHeadersMs, unit: 'ms' }),
    info({ id: 'a2', label: 'Engine header sync rate', value: sync.rate, unit: 'msg/s' }),
    info({ id: 'a3', label: 'Bare imapflow fetch rate (mean of before and after)', value: baseline, unit: 'msg/s' }),
    info({
      id: 'a4',
      label: 'Header sync rate ratio without the time spent waiting for a CPU',
      value: unqueuedRatio,
      unit: 'ratio',
      note: `main thread, engine: ${split(sync.time)}; bare before: ${split(before.time)}; after: ${split(afterFetch.time)}`,
    }),
    info({
      id: 'a5',
      label: 'CPU per header: bare imapflow ÷ engine (whole process)',
      value: cpuRatio,
      unit: 'ratio',
      note: `engine ${(sync.time.processCpuMs / size).toFixed(3)} ms/header, bare ${(mean([before.time.processCpuMs, afterFetch.time.processCpuMs]) / size).toFixed(3)} ms/header`,
    }),
    atMost({
      id: 'b',
      label: 'accounts.add → first 50 headers in the store',
      value: sync.first50Ms,
      unit: 'ms',
      limit: 500,
      note: `of which connect + login (account online): ${sync.onlineMs?.toFixed(0) ?? '?'} ms`,
    }),
    atMost({
      id: 'f1',
      label: `Engine RSS after sync (target set for 100k; this run ${size.toLocaleString('en-US')})`,
      value: after?.rssMb ?? Number.NaN,
      unit: 'MB',
      limit: 300,
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
  ctx.details.sync = { before, after: afterFetch, engine: sync, memory: { peak, after, heap, rssSamples }, db };
}
