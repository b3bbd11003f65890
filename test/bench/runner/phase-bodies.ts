// d: `message.body` for 100 messages of mixed shapes, uncached (from the server) and cached.
import { atMost, info } from '../report/figures';
import { median, p95, summary } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';

export const BODY_FIGURES = [
  { id: 'd1', label: 'Body open, uncached (median of 100)', target: '≤ 100 ms' },
  { id: 'd2', label: 'Body open, cached (median of 100)', target: '≤ 20 ms' },
] as const;

export async function measureBodies(ctx: BenchContext): Promise<void> {
  log('d: opening 100 bodies of mixed shapes, uncached then cached');
  const bodies = await ctx.engine.call('openBodies', { count: 100 });
  const uncached = bodies.uncached.map((s) => s.ms);
  const cached = bodies.cached.map((s) => s.ms);
  const slowest = [...bodies.uncached].sort((a, b) => b.ms - a.ms).slice(0, 3);
  ctx.figures.push(
    atMost({
      id: 'd1',
      label: 'Body open, uncached (median of 100)',
      value: median(uncached),
      unit: 'ms',
      limit: 100,
      note:
        `first open incl. connecting: ${bodies.firstOpenMs.toFixed(0)} ms (not in the sample); slowest: ` +
        slowest.map((s) => `${s.kind} ${s.ms.toFixed(0)} ms`).join(', '),
    }),
    info({ id: 'd1p95', label: 'Body open, uncached (p95)', value: p95(uncached), unit: 'ms' }),
    atMost({ id: 'd2', label: 'Body open, cached (median of 100)', value: median(cached), unit: 'ms', limit: 20 }),
    info({ id: 'd2p95', label: 'Body open, cached (p95)', value: p95(cached), unit: 'ms' }),
  );
  const byKind: Record<string, ReturnType<typeof summary>> = {};
  for (const kind of new Set(bodies.uncached.map((s) => s.kind)))
    byKind[kind] = summary(bodies.uncached.filter((s) => s.kind === kind).map((s) => s.ms));
  ctx.details.bodies = { ...bodies, uncachedByKind: byKind };
}
