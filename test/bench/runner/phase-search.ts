// h: local search latency on the synced-size mailbox and on the 100,000-message one the window
// query (e) uses, and how long the indexer takes to index the first of them, in a worker of its own.
import path from 'node:path';
import { atMost, info } from '../report/figures';
import { median, summary } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { WINDOW_ROWS } from './phase-window';
import { tempDir } from './temp-dir';
import { startEngineWorker } from './worker-client';

const PER_KIND = 4;
const REPEATS = 5;

const label = (rows: number) =>
  `Local search, ${rows.toLocaleString('en-US')} messages: word, two words, from:, phrase, rare word (median)`;

export function searchFigures(size: number) {
  return [
    { id: 'h', label: label(size), target: '≤ 50 ms' },
    { id: 'h@100k', label: label(WINDOW_ROWS), target: '≤ 50 ms' },
    { id: 'h-index', label: `Search indexer: index ${size.toLocaleString('en-US')} messages`, target: '—' },
  ];
}

export async function measureSearch(ctx: BenchContext): Promise<void> {
  const figures = searchFigures(ctx.args.size);
  const worker = await startEngineWorker('search', ctx.cleanup);
  try {
    const results = [];
    for (const [rows, figure] of [
      [ctx.args.size, figures[0]!],
      [WINDOW_ROWS, figures[1]!],
    ] as const) {
      log(`h: filling a ${rows.toLocaleString('en-US')}-message profile, indexing it and timing messages.search`);
      const result = await worker.call('searchQueries', {
        sourceDb: path.join(ctx.profileDir, 'mail.db'),
        dataDir: tempDir(ctx.cleanup, 'mail-bench-search-'),
        rows,
        perKind: PER_KIND,
        repeats: REPEATS,
      });
      const samples = result.queries.flatMap((q) => q.samples);
      const kinds = [...new Set(result.queries.map((q) => q.kind))]
        .map(
          (kind) =>
            `${kind} ${median(result.queries.filter((q) => q.kind === kind).flatMap((q) => q.samples)).toFixed(1)}`,
        )
        .join(', ');
      ctx.figures.push(
        atMost({
          id: figure.id,
          label: figure.label,
          value: median(samples),
          unit: 'ms',
          limit: 50,
          note: `p95 ${summary(samples).p95} ms over ${samples.length} calls through service.call (50 rows + total); median by kind (ms): ${kinds}`,
        }),
      );
      results.push(result);
    }
    ctx.figures.push(info({ id: figures[2]!.id, label: figures[2]!.label, value: results[0]!.indexMs, unit: 'ms' }));
    ctx.details.search = results;
  } finally {
    await worker.stop();
  }
}
