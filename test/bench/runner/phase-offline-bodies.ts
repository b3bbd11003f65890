// d-offline: the background body download's rate on a copy of the synced profile, beside a bare
// imapflow body FETCH of as many messages (the ratio), each in a worker of its own.
import { info } from '../report/figures';
import type { BenchContext } from './context';
import { log } from './log';
import { tempDir } from './temp-dir';
import { startEngineWorker, startWorker } from './worker-client';

export const OFFLINE_BODY_FIGURES = [
  { id: 'd-offline', label: 'Offline bodies: background download rate', target: '—' },
  { id: 'd-offline-ratio', label: 'Offline bodies: rate ÷ bare imapflow body FETCH', target: '—' },
];

export async function measureOfflineBodies(ctx: BenchContext): Promise<void> {
  const count = Math.min(1_000, Math.floor(ctx.args.size / 4));
  log(`d-offline: the offline-bodies job on a copy of the profile, ${count} bodies, then a bare body FETCH`);
  const engine = await startEngineWorker('offline-bodies', ctx.cleanup, {
    env: { NODE_EXTRA_CA_CERTS: ctx.bed.server.caFile },
  });
  let job;
  try {
    job = await engine.call('offlineBodiesRate', {
      profileDir: ctx.profileDir,
      dataDir: tempDir(ctx.cleanup, 'mail-bench-offline-'),
      count,
      skip: 50,
      timeoutMs: 300_000,
    });
  } finally {
    await engine.stop();
  }
  const bare = await startWorker('bare-bodies', ctx.cleanup);
  let baseline;
  try {
    baseline = await bare.call('bareBodyFetch', { server: ctx.bed.server, user: ctx.bed.user, count });
  } finally {
    await bare.stop();
  }
  ctx.figures.push(
    info({
      id: 'd-offline',
      label: OFFLINE_BODY_FIGURES[0]!.label,
      value: job.rate,
      unit: 'msg/s',
      note: `${job.messages} bodies in ${job.ms.toFixed(0)} ms, one message at a time on the body connection`,
    }),
    info({
      id: 'd-offline-ratio',
      label: OFFLINE_BODY_FIGURES[1]!.label,
      value: job.rate / baseline.rate,
      unit: 'ratio',
      note: `bare: ${baseline.messages} BODY[1] in one FETCH, ${baseline.ms.toFixed(0)} ms (${Math.round(baseline.rate)} msg/s)`,
    }),
  );
  ctx.details.offlineBodies = { job, baseline };
}
